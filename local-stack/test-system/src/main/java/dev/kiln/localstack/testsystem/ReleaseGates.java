package dev.kiln.localstack.testsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks release-service what a release's gates require ({@code GET /api/v1/releases/{version}/gates}, public): every
 * requirement of kind {@code suite} is one target to report on. The service expands its channel's policy (suites
 * per arch or per vendor image, listed targets) for the arches and vendors actually built, so the test system never
 * reads the policy file itself.
 */
final class ReleaseGates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI releaseService;

    ReleaseGates(HttpClient http, URI releaseService) {
        this.http = http;
        this.releaseService = releaseService;
    }

    /** The targets of {@code version}, or empty when release-service knows no such release. */
    Optional<List<Target>> required(String version) {
        URI uri = releaseService.resolve("/api/v1/releases/" + version + "/gates");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("release-service did not answer GET " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted asking " + uri, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return Optional.of(targets(JSON.readTree(response.body())));
        } catch (IOException e) {
            throw new Unavailable("GET " + uri + " answered no JSON: " + response.body(), e);
        }
    }

    /** The suite requirements of a gates response, in its order. */
    static List<Target> targets(JsonNode gates) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode requirement : gates.path("requirements")) {
            if ("suite".equals(requirement.path("kind").asText())) {
                JsonNode vendor = requirement.path("vendor");
                targets.add(new Target(requirement.path("suite").asText(), requirement.path("arch").asText(),
                        vendor.isMissingNode() || vendor.isNull() ? null : vendor.asText(),
                        requirement.path("flakeAttempts").asInt(1)));
            }
        }
        return targets;
    }
}
