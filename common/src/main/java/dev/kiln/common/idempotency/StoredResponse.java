package dev.kiln.common.idempotency;

/** The first answer given to a request with a given Idempotency-Key. */
public record StoredResponse(int status, String body, String location) {
}
