package dev.kiln.release.badinput;

import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.decide;

import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Api;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Seed;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.badinput.BadInputCase;
import dev.kiln.testing.badinput.BadInputCorpusContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/**
 * release-service's bad-input suite: the corpus {@code bad-input/release-service.jsonl}, against a stable candidate
 * approved once (approving twice, reports it was not built for, publishing it unready) and a published alpha
 * (promotions that skip a channel, approvals once it is published).
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class BadInputCorpusTest extends BadInputCorpusContract {

    private static final String CANDIDATE = "3975.2.41";
    private static final String PUBLISHED = "3975.0.40";

    @Inject
    Candidates candidates;

    static List<BadInputCase> corpus() {
        return BadInputCase.read("/bad-input/release-service.jsonl");
    }

    @BeforeEach
    void seedTheReleasesTheCorpusNames() {
        if (absent(CANDIDATE)) {
            candidates.buildSucceeded(Builds.succeeded(CANDIDATE, List.of("amd64"), List.of("qemu_uefi")));
            decide(RELEASER, CANDIDATE, "approve", "first look").statusCode(201);
        }
        if (absent(PUBLISHED)) {
            Seed.published(PUBLISHED, Instant.parse("2026-11-02T10:00:00Z"));
        }
    }

    private static boolean absent(String version) {
        return RestAssured.given().get("/api/v1/releases/" + version).statusCode() == 404;
    }

    @Override
    protected List<BadInputCase> cases() {
        return corpus();
    }

    @Override
    protected String schema() {
        return "release_service";
    }

    @Override
    protected Map<String, String> tokens() {
        return Map.of("tester", Api.TESTER, "releaser", Api.RELEASER, "releaser2", Api.RELEASER2, "builder", Api.BUILDER);
    }

    @Override
    protected Set<String> typesTheCorpusMustCover() {
        return Set.of("invalid-page", "malformed-json", "invalid-filter", "invalid-uri", "uri-too-long",
                "headers-too-large", "body-too-large", "already-decided", "promotion-skips-channel", "unknown-suite",
                "release-not-found");
    }

    @Override
    protected int minimumCases() {
        return 50;
    }
}
