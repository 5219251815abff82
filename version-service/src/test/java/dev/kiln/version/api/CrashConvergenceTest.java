package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.VERSIONS;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.events.EventCatalog;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.domain.Allocations;
import dev.kiln.version.support.MutableClock;
import dev.kiln.version.support.OutboxRows;
import dev.kiln.version.support.ScriptedCheckpoints;
import dev.kiln.version.support.ScriptedCheckpoints.SimulatedCrash;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A process that dies between reserving a version and recording its tag leaves a pending allocation; a
 * retry of the same request converges on the reserved tag, even though a nightly's tag depends on the
 * clock and the clock has moved on, and never makes a second tag, commit or event.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class CrashConvergenceTest {

    private static final String TAGGED = EventCatalog.VERSION_TAGGED.name();

    @Inject
    MutableClock clock;

    @Inject
    ScriptedCheckpoints checkpoints;

    @Inject
    Allocations allocations;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @AfterEach
    void removeCheckpoints() {
        checkpoints.reset();
    }

    @Test
    void retryAfterACrashAfterThePushConvergesWithoutASecondTag() {
        String tag = "main-4803.0.0-nightly-20260825-2101";
        clock.set("2026-08-25T21:01:00Z");
        checkpoints.onPushed(a -> {
            throw new SimulatedCrash("after the push");
        });
        allocate(BUILDER, "crash-after-push", body("kind", "nightly")).statusCode(500);
        assertThat(remote().tags()).contains(tag);
        given().get(VERSIONS + "/" + tag).then().statusCode(200).body("status", equalTo("pending"));

        checkpoints.reset();
        clock.set("2026-08-25T21:09:00Z");
        String commit = allocate(BUILDER, "crash-after-push", body("kind", "nightly")).statusCode(201)
                .header(VersionResource.REPLAYED_HEADER, "true")
                .body("tag", equalTo(tag)).body("status", equalTo("tagged")).extract().path("commit");

        assertThat(remote().tags()).filteredOn(t -> t.startsWith("main-4803.0.0-")).containsExactly(tag);
        assertThat(remote().commitOf(tag).name()).isEqualTo(commit);
        assertThat(remote().subjects("main", 20)).containsOnlyOnce("New version: " + tag);
        assertThat(OutboxRows.count(TAGGED, tag)).isEqualTo(1);
    }

    @Test
    void retryAfterACrashBeforeThePushTagsTheReservedVersionNotANewOne() {
        String tag = "main-4803.0.0-nightly-20260825-2102";
        clock.set("2026-08-25T21:02:00Z");
        checkpoints.beforePush((a, attempt) -> {
            throw new SimulatedCrash("before the push");
        });
        allocate(BUILDER, "crash-before-push", body("kind", "nightly")).statusCode(500);
        assertThat(remote().tags()).doesNotContain(tag);

        checkpoints.reset();
        clock.set("2026-08-25T21:10:00Z");
        allocate(BUILDER, "crash-before-push", body("kind", "nightly")).statusCode(201).body("tag", equalTo(tag));

        assertThat(remote().tags()).contains(tag).doesNotContain("main-4803.0.0-nightly-20260825-2110");
        assertThat(remote().subjects("main", 20)).containsOnlyOnce("New version: " + tag);
        assertThat(OutboxRows.count(TAGGED, tag)).isEqualTo(1);
    }

    @Test
    void retryAfterACrashRightAfterTheReservationConvergesToo() {
        String tag = "stable-4593.2.5-nightly-20260825-2103";
        clock.set("2026-08-25T21:03:00Z");
        checkpoints.onReserved(a -> {
            throw new SimulatedCrash("after the reservation");
        });
        allocate(BUILDER, "crash-after-reserve", body("kind", "nightly", "branch", "flatcar-4593")).statusCode(500);

        checkpoints.reset();
        clock.set("2026-08-25T22:00:00Z");
        allocate(BUILDER, "crash-after-reserve", body("kind", "nightly", "branch", "flatcar-4593")).statusCode(201)
                .body("tag", equalTo(tag));

        assertThat(remote().branch("flatcar-4593")).contains(remote().commitOf(tag).getId());
        assertThat(OutboxRows.count(TAGGED, tag)).isEqualTo(1);
    }

    @Test
    void abandonedAllocationWhoseTagReachedTheRemoteIsSettledAsTagged() {
        String tag = "main-4803.0.0-nightly-20260825-2104";
        clock.set("2026-08-25T21:04:00Z");
        checkpoints.onPushed(a -> {
            throw new SimulatedCrash("after the push");
        });
        allocate(BUILDER, body("kind", "nightly")).statusCode(500);
        checkpoints.reset();

        clock.set("2026-08-25T21:30:00Z");
        int settled = allocations.settleAbandoned(Duration.ofMinutes(15));

        assertThat(settled).isEqualTo(1);
        given().get(VERSIONS + "/" + tag).then().statusCode(200).body("status", equalTo("tagged"))
                .body("commit", equalTo(remote().commitOf(tag).name()));
        assertThat(OutboxRows.count(TAGGED, tag)).isEqualTo(1);
    }

    @Test
    void abandonedAllocationThatNeverPushedIsReleasedAndItsVersionFreed() {
        String tag = "main-4803.0.0-nightly-20260825-2105";
        clock.set("2026-08-25T21:05:00Z");
        checkpoints.beforePush((a, attempt) -> {
            throw new SimulatedCrash("before the push");
        });
        allocate(BUILDER, body("kind", "nightly")).statusCode(500);
        checkpoints.reset();
        allocate(BUILDER, body("kind", "nightly")).statusCode(201)
                .body("tag", equalTo("main-4803.0.0-nightly-20260825-2106"));

        clock.set("2026-08-25T21:30:00Z");
        allocations.settleAbandoned(Duration.ofMinutes(15));

        given().get(VERSIONS + "/" + tag).then().statusCode(404);
        assertThat(OutboxRows.count(TAGGED, tag)).isZero();
        clock.set("2026-08-25T21:05:00Z");
        allocate(BUILDER, body("kind", "nightly")).statusCode(201).body("tag", equalTo(tag));
    }

    private ScriptsRemote remote() {
        return ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
    }
}
