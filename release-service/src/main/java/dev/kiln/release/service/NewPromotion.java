package dev.kiln.release.service;

import java.util.List;

/**
 * A release request as {@code POST /api/v1/promotions} received it, before it is checked: {@code type} new-major,
 * promotion ({@code from}, {@code to}) or patch ({@code channel}, {@code major}); {@code arches} and
 * {@code vendors} null for the defaults.
 */
public record NewPromotion(String type, String from, String to, String channel, Integer major, List<String> arches,
        List<String> vendors) {
}
