package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Releasing.publish;
import static dev.kiln.release.testing.Releasing.ready;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.FakeChannelStorage;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest of a release: inputs, outputs, evidence, channel history and package changes; served and stored. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ManifestApiTest {

    @Inject
    Candidates candidates;

    @Inject
    FakeChannelStorage storage;

    @Test
    void showsEverythingAboutAPublishedReleaseWithItsPackageChanges() {
        storage.image("nios2", "4795.0.130", "flatcar_production_image_packages.txt", """
                app-containers/docker-27.2.1::portage-stable
                sys-kernel/coreos-kernel-6.6.54::coreos-overlay
                app-misc/jq-1.7.1::portage-stable
                """);
        storage.image("nios2", "4795.0.131", "flatcar_production_image_packages.txt", """
                app-containers/docker-27.4.1::portage-stable
                sys-kernel/coreos-kernel-6.6.60::coreos-overlay
                sys-apps/ignition-2.20.0::coreos-overlay
                """);
        publish("alpha", ready(candidates, "4795.0.130", List.of("nios2"))).statusCode(200);
        publish("alpha", ready(candidates, "4795.0.131", List.of("nios2"))).statusCode(200);

        given().get("/api/v1/releases/4795.0.131/manifest").then().statusCode(200)
                .body("version", equalTo("4795.0.131"))
                .body("state", equalTo("published"))
                .body("atRisk", equalTo(false))
                .body("inputs.tag", equalTo("alpha-4795.0.131"))
                .body("inputs.branch", equalTo("flatcar-4795"))
                .body("inputs.buildId", equalTo("b-47950131"))
                .body("inputs.pipeline", equalTo("os"))
                .body("inputs.pipelineDigest", equalTo(Builds.OS_DIGEST))
                .body("inputs.params", equalTo(Builds.PARAMS))
                .body("outputs.nios2.name", hasItem("flatcar_production_image_packages.txt"))
                .body("outputs.nios2[0].sha256", matchesPattern("[0-9a-f]{64}"))
                .body("testReports[0].suite", equalTo("kola"))
                .body("testReports[0].result", equalTo("passed"))
                .body("approvals[0].identity", equalTo("releaser"))
                .body("channelHistory[0].action", equalTo("publish"))
                .body("packageChanges[0].arch", equalTo("nios2"))
                .body("packageChanges[0].against", equalTo("4795.0.130"))
                .body("packageChanges[0].added", equalTo(List.of("sys-apps/ignition-2.20.0")))
                .body("packageChanges[0].removed", equalTo(List.of("app-misc/jq-1.7.1")))
                .body("packageChanges[0].updated", equalTo(List.of(
                        Map.of("name", "app-containers/docker", "from", "27.2.1", "to", "27.4.1"),
                        Map.of("name", "sys-kernel/coreos-kernel", "from", "6.6.54", "to", "6.6.60"))));
        assertThat(storage.file("alpha/nios2-usr/4795.0.131/kiln-manifest.json")).get().asString()
                .contains("\"against\":\"4795.0.130\"", "\"sys-apps/ignition-2.20.0\"",
                        "\"pipelineDigest\":\"" + Builds.OS_DIGEST + "\"", "\"params\":{\"seedSdkVersion\":\"4593.0.0\"}");
    }

    @Test
    void aReleaseNotYetPublishedHasNoOutputsYet() {
        ready(candidates, "4795.0.140", List.of("xtensa"));

        given().get("/api/v1/releases/4795.0.140/manifest").then().statusCode(200)
                .body("state", equalTo("ready")).body("outputs", equalTo(Map.of())).body("packageChanges", equalTo(List.of()));
    }

    @Test
    void theManifestOfAnUnknownVersionIsNotFound() {
        given().get("/api/v1/releases/4795.0.998/manifest").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "release-not-found"));
        given().get("/api/v1/releases/latest/manifest").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "release-not-found"));
    }
}
