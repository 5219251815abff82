package dev.kiln.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way an endpoint creates something idempotently by {@code Idempotency-Key}: the first request with a
 * key creates and stores its answer in the same transaction; a repeat replays that answer byte for byte (even
 * when the resource changed since); the same key with another request is refused (422); without a key every
 * request creates.
 */
@ApplicationScoped
public class IdempotentCreate {

    /** What a create produced: the status (201 or 202), where the new resource lives, and its representation. */
    public record Created(int status, URI location, Object body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final IdempotencyKeys keys;

    public IdempotentCreate(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * @param scope   the kind of resource ({@code builds}, {@code gc-runs}); a key is unique within it
     * @param key     the caller's Idempotency-Key, or null
     * @param request the request as received; its JSON is what a repeated key must match
     * @param create  creates the resource; runs at most once per key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response create(String scope, String key, Object request, Supplier<Created> create) {
        if (key != null) {
            Optional<StoredResponse> earlier = keys.claim(scope, key, json(request));
            if (earlier.isPresent()) {
                return replay(earlier.get());
            }
        }
        Created created = create.get();
        String body = json(created.body());
        if (key != null) {
            keys.complete(scope, key, new StoredResponse(created.status(), body,
                    created.location() == null ? null : created.location().toString()));
        }
        return answer(created.status(), body, created.location() == null ? null : created.location().toString());
    }

    private static Response replay(StoredResponse stored) {
        return answer(stored.status(), stored.body(), stored.location());
    }

    private static Response answer(int status, String body, String location) {
        Response.ResponseBuilder out = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON);
        if (location != null) {
            out.location(URI.create(location));
        }
        return out.build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
