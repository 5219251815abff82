package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.MutableClock;
import dev.kiln.version.support.RestartedServiceProfile;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A service restarted on the same data dir opens the clone an earlier run left there and allocates as before. */
@QuarkusTest
@TestProfile(RestartedServiceProfile.class)
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class RestartedServiceTest {

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @ConfigProperty(name = "kiln.version.work-dir")
    Path workDir;

    @Test
    void allocatesOnTheCloneAnEarlierRunLeft() {
        assertThat(workDir.resolve(RestartedServiceProfile.CLONE).resolve("HEAD")).as("the clone an earlier run left").isRegularFile();
        clock.set("2026-08-27T21:00:00Z");

        allocate(BUILDER, "after-restart", body("kind", "nightly")).statusCode(201)
                .body("tag", equalTo("main-4805.0.0-nightly-20260827-2100"));

        assertThat(remote().tags()).contains("main-4805.0.0-nightly-20260827-2100");
    }

    private ScriptsRemote remote() {
        return ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
    }
}
