package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Releasing.publish;
import static dev.kiln.release.testing.Releasing.ready;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.events.EventCatalog;
import dev.kiln.flatcar.Version;
import dev.kiln.release.jobs.OperationSweeper;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Api;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.FakeChannelStorage;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing through the channel storage: copies, pointers (lts: current-YEAR and lts-info), feeds, manifests, and
 * what a storage outage or refusal leaves. Each test uses arches of its own, since boards are shared in this JVM.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ChannelPublishingTest {

    private static final String PACKAGES_4795_0_60 = """
            app-containers/docker-27.4.1::portage-stable
            sys-apps/ignition-2.20.0::coreos-overlay
            sys-apps/systemd-256.8-r1::portage-stable
            sys-kernel/coreos-kernel-6.6.60::coreos-overlay
            """;

    @Inject
    Candidates candidates;

    @Inject
    FakeChannelStorage storage;

    @Inject
    OperationSweeper sweeper;

    @AfterEach
    void heal() {
        storage.heal();
    }

    @Test
    void publishingCopiesEveryArchMovesCurrentAndWritesTheFeeds() {
        for (String arch : List.of("s390x", "loong64")) {
            storage.image(arch, "4795.0.60", "flatcar_production_image_packages.txt", PACKAGES_4795_0_60);
            storage.image(arch, "4795.0.60", "version.txt", "FLATCAR_VERSION=4795.0.60\n");
        }
        ready(candidates, "4795.0.60", List.of("s390x", "loong64"));

        publish("alpha", "4795.0.60").statusCode(200).body("arches.find { it.arch == 's390x' }.current", equalTo("4795.0.60"));

        assertThat(storage.count("copy alpha/s390x/4795.0.60")).isEqualTo(1);
        assertThat(storage.pointer("alpha", "s390x", "current")).contains(Version.parse("4795.0.60"));
        assertThat(storage.pointer("alpha", "loong64", "current")).contains(Version.parse("4795.0.60"));
        assertThat(storage.file("releases/releases.json")).get().asString()
                .contains("\"4795.0.60\":{\"channel\":\"alpha\",\"architectures\":[\"s390x\",\"loong64\"]")
                .contains("\"major_software\":{\"docker\":[\"27.4.1\"],\"ignition\":[\"2.20.0\"],\"kernel\":[\"6.6.60\"],\"systemd\":[\"256\"]}");
        assertThat(storage.file("alpha/releases.json")).isPresent();
        assertThat(storage.file("alpha/s390x-usr/4795.0.60/kiln-manifest.json")).get().asString()
                .contains("\"version\":\"4795.0.60\"", "\"name\":\"flatcar_production_image_packages.txt\"");
        given().get("/api/v1/releases.json").then().statusCode(200)
                .body("'4795.0.60'.channel", equalTo("alpha"))
                .body("'4795.0.60'.major_software.kernel", equalTo(List.of("6.6.60")))
                .body("'4795.0.60'.release_date", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000"));
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4795.0.60")).hasSize(1);
    }

    @Test
    void theFeedTheApiAggregatesIsTheFeedWrittenToTheCacheKeyForKey() throws Exception {
        ready(candidates, "4795.0.65", List.of("pdp11"));
        publish("alpha", "4795.0.65").statusCode(200);

        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(given().get("/api/v1/releases.json").then().statusCode(200).extract().asString());
        JsonNode written = json.readTree(storage.file("releases/releases.json").orElseThrow());

        assertThat(served).isEqualTo(written);
        List<String> servedKeys = new java.util.ArrayList<>();
        served.fieldNames().forEachRemaining(servedKeys::add);
        List<String> writtenKeys = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(writtenKeys::add);
        assertThat(servedKeys).containsExactlyElementsOf(writtenKeys).contains("4795.0.65");
    }

    @Test
    void anOutageBetweenCopyAndPointerLeavesItPendingAndASweepCompletesItWithOneEvent() {
        ready(candidates, "4795.0.70", List.of("mips64"));
        storage.outage("movePointer");

        publish("alpha", "4795.0.70").statusCode(503).body("type", equalTo(PROBLEMS + "channel-storage-unavailable"));

        assertThat(storage.count("copy alpha/mips64/4795.0.70")).isEqualTo(1);
        assertThat(storage.pointer("alpha", "mips64", "current")).isEmpty();
        given().get("/api/v1/releases/4795.0.70").then().body("state", equalTo("ready"));
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4795.0.70")).isEmpty();
        assertThat(Db.count("channel_operation", "version = ? and state = 'pending'", "4795.0.70")).isEqualTo(1);

        storage.heal();
        sweeper.sweep(Duration.ZERO);
        sweeper.sweep(Duration.ZERO);

        assertThat(storage.pointer("alpha", "mips64", "current")).contains(Version.parse("4795.0.70"));
        given().get("/api/v1/releases/4795.0.70").then().body("state", equalTo("published"));
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4795.0.70")).hasSize(1);
        assertThat(Db.count("channel_operation", "version = ? and state = 'done'", "4795.0.70")).isEqualTo(1);
        assertThat(Db.count("channel_history", "version = ? and action = 'publish'", "4795.0.70")).isEqualTo(1);
    }

    @Test
    void askingAgainWhilePendingResumesAndAnotherChangeOfTheChannelWaits() {
        ready(candidates, "4795.0.80", List.of("sparc64"));
        ready(candidates, "4795.0.81", List.of("alpha64"));
        storage.outage("copy");
        publish("alpha", "4795.0.80").statusCode(503);

        publish("alpha", "4795.0.81").statusCode(409).body("type", equalTo(PROBLEMS + "channel-busy"));

        storage.heal();
        publish("alpha", "4795.0.80").statusCode(200).body("arches.find { it.arch == 'sparc64' }.current", equalTo("4795.0.80"));
        publish("alpha", "4795.0.81").statusCode(200);
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4795.0.80")).hasSize(1);
        assertThat(Db.count("channel_operation", "version = ?", "4795.0.80")).isEqualTo(1);
    }

    @Test
    void aRefusedCopyAbandonsThePublicationAndChangesNothing() {
        ready(candidates, "4795.0.90", List.of("hppa"));
        storage.refuse("copy", "nothing-to-publish");

        publish("alpha", "4795.0.90").statusCode(409).body("type", equalTo(PROBLEMS + "nothing-to-publish"));

        given().get("/api/v1/releases/4795.0.90").then().body("state", equalTo("ready"));
        assertThat(storage.pointer("alpha", "hppa", "current")).isEmpty();
        assertThat(Db.count("channel_history", "version = ?", "4795.0.90")).isZero();
        assertThat(Db.count("channel_operation", "version = ? and state = 'abandoned'", "4795.0.90")).isEqualTo(1);
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4795.0.90")).isEmpty();
    }

    @Test
    void ltsMovesCurrentAndTheStreamsYearPointerAndWritesLtsInfo() {
        for (String version : List.of("3815.3.8", "3815.3.9", "3815.3.10")) {
            publish("lts", ready(candidates, version, List.of("m68k"))).statusCode(200);
        }
        // this year, or a later one when another test's LTS major took this year's name first
        String line = storage.file("lts/lts-info").orElseThrow().lines().filter(l -> l.startsWith("3815:")).findFirst().orElseThrow();
        int year = Integer.parseInt(line.split(":")[1]);
        assertThat(year).isGreaterThanOrEqualTo(LocalDate.now(ZoneOffset.UTC).getYear());

        assertThat(storage.pointer("lts", "m68k", "current")).contains(Version.parse("3815.3.10"));
        assertThat(storage.pointer("lts", "m68k", "current-" + year)).contains(Version.parse("3815.3.10"));
        assertThat(line).endsWith(":supported");

        Api.as(Api.RELEASER).contentType(ContentType.JSON).body(Api.body("arch", "m68k", "reason", "kernel panic under load"))
                .post("/api/v1/channels/lts/rollback").then().statusCode(200);

        assertThat(storage.pointer("lts", "m68k", "current")).contains(Version.parse("3815.3.9"));
        assertThat(storage.pointer("lts", "m68k", "current-" + year)).contains(Version.parse("3815.3.9"));
    }
}
