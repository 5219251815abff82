package dev.kiln.release.api;

/** Body of {@code POST /api/v1/promotions/{id}/cancel}: why (optional; at most 2000 characters). */
public record CancelPromotionRequest(String reason) {
}
