package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.VERSIONS;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.TestInfrastructure;
import dev.kiln.version.support.MutableClock;
import dev.kiln.version.support.ScriptedCheckpoints;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flatcar's tag rule against a remote that others write to as well. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class TagRuleTest {

    private static final String FEATURE_SDK = "4799.0.0+nightly-20260821-2100";

    @Inject
    MutableClock clock;

    @Inject
    ScriptedCheckpoints checkpoints;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @AfterEach
    void removeCheckpoints() {
        checkpoints.reset();
    }

    @Test
    void reusesExistingTagWhenTreeIsIdentical() {
        ScriptsRemote remote = remote();
        ObjectId theirs = remote.versionCommit(remote.branch("feature/faster-boot").orElseThrow(), "main-4799.0.0-adopt-1",
                ScriptsRemote.versionFile("4799.0.0+adopt-1", "4799.0.0", "adopt-1", FEATURE_SDK));
        remote.tag("main-4799.0.0-adopt-1", theirs);
        ObjectId tagObject = remote.ref("refs/tags/main-4799.0.0-adopt-1").orElseThrow();

        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "adopt-1")).statusCode(201)
                .body("tag", equalTo("main-4799.0.0-adopt-1"))
                .body("commit", equalTo(theirs.name()))
                .body("status", equalTo("tagged"));

        assertThat(remote.ref("refs/tags/main-4799.0.0-adopt-1")).as("the tag is reused, not rewritten").contains(tagObject);
    }

    @Test
    void refusesAnExistingTagWithADifferentTreeAndPushesNothing() {
        ScriptsRemote remote = remote();
        ObjectId theirs = remote.versionCommit(remote.branch("feature/faster-boot").orElseThrow(), "main-4799.0.0-clash-1",
                ScriptsRemote.versionFile("4799.0.0+clash-1", "4799.0.0", "clash-1", "4790.0.0"));
        remote.tag("main-4799.0.0-clash-1", theirs);
        ObjectId tagObject = remote.ref("refs/tags/main-4799.0.0-clash-1").orElseThrow();
        ObjectId featureHead = remote.branch("feature/faster-boot").orElseThrow();

        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "clash-1")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/tag-conflict"))
                .body("detail", containsString("already exists on the remote with a different tree"));

        assertThat(remote.ref("refs/tags/main-4799.0.0-clash-1")).contains(tagObject);
        assertThat(remote.branch("feature/faster-boot")).contains(featureHead);
        given().get(VERSIONS + "/main-4799.0.0-clash-1").then().statusCode(404);
    }

    @Test
    void retriesOnTopOfACommitAnotherClonePushedInBetween() {
        ScriptsRemote remote = remote();
        clock.set("2026-08-23T21:00:00Z");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        AtomicReference<ObjectId> competitor = new AtomicReference<>();
        checkpoints.beforePush((allocation, attempt) -> {
            attempts.add(attempt);
            if (attempt == 1) {
                competitor.set(remote.pushFromAnotherClone("main", "ci-automation/race.sh", "#!/bin/bash\n", "ci-automation: race",
                        TestInfrastructure.newDirectory("other-clone")));
            }
        });
        String tag = "main-4801.0.0-nightly-20260823-2100";

        String commit = allocate(BUILDER, body("kind", "nightly")).statusCode(201).body("tag", equalTo(tag)).extract().path("commit");

        assertThat(attempts).containsExactly(1, 2);
        assertThat(remote.commitOf(tag).getParent(0).getId()).isEqualTo(competitor.get());
        assertThat(remote.branch("main").orElseThrow().name()).isEqualTo(commit);
        assertThat(remote.file("refs/tags/" + tag, "ci-automation/race.sh")).contains("#!/bin/bash\n");
        assertThat(remote.subjects("main", 2)).containsExactly("New version: " + tag, "ci-automation: race");
    }

    @Test
    void givesUpAfterBoundedAttemptsWhileTheRemoteKeepsMovingAndFreesTheVersion() {
        ScriptsRemote remote = remote();
        clock.set("2026-08-27T21:00:00Z");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        checkpoints.beforePush((allocation, attempt) -> {
            attempts.add(attempt);
            remote.pushFromAnotherClone("main", "ci-automation/busy-" + attempt + ".sh", "#!/bin/bash\n", "busy " + attempt,
                    TestInfrastructure.newDirectory("other-clone"));
        });
        String tag = "main-4805.0.0-nightly-20260827-2100";

        allocate(BUILDER, body("kind", "nightly")).statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("https://kiln.dev/problems/allocation-busy"));

        assertThat(attempts).containsExactly(1, 2, 3, 4, 5);
        assertThat(remote.tags()).doesNotContain(tag);
        checkpoints.reset();
        allocate(BUILDER, body("kind", "nightly")).statusCode(201).body("tag", equalTo(tag));
    }

    private ScriptsRemote remote() {
        return ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
    }
}
