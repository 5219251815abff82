package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.decide;
import static dev.kiln.release.testing.Api.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.TestReported;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Db;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Test systems report attempts over REST (role tester); every report is kept, put on kiln.tests and settles the gates.
 * Alpha's default policy: kola per vendor image with a 2-attempt flake window, one approval.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class TestReportApiTest {

    @Inject
    Candidates candidates;

    private String candidate(String version) {
        candidates.buildSucceeded(Builds.succeeded(version));
        return version;
    }

    private static Map<String, Object> kola(String arch, String vendor, String result) {
        return body("suite", "kola", "arch", arch, "vendor", vendor, "result", result);
    }

    private static void passAll(String version) {
        for (String arch : List.of("amd64", "arm64")) {
            for (String vendor : List.of("qemu_uefi", "ami")) {
                report(TESTER, version, kola(arch, vendor, "passed")).statusCode(201);
            }
        }
    }

    private static String state(String version) {
        return given().get("/api/v1/releases/" + version).then().statusCode(200).extract().path("state");
    }

    @Test
    void storesTheReportAndPutsItOnKilnTests() {
        String v = candidate("4790.0.2");

        report(TESTER, v, body("suite", "kola", "arch", "amd64", "vendor", "qemu_uefi", "result", "passed",
                "detailsUrl", "https://ci.example.org/kola/8812", "reportId", "kola-8812")).statusCode(201)
                .body("reportId", equalTo("kola-8812")).body("version", equalTo(v)).body("attempt", equalTo(1))
                .body("result", equalTo("passed")).body("reportedBy", equalTo("tester"));

        List<String> echoed = Db.outbox(EventCatalog.TEST_REPORTED.name(), v);
        assertThat(echoed).hasSize(1);
        TestReported event = EventJson.read(echoed.getFirst(), EventCatalog.TEST_REPORTED);
        assertThat(event.reportId()).isEqualTo("kola-8812");
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.reportedBy()).isEqualTo("tester");
        assertThat(event.detailsUrl()).isEqualTo("https://ci.example.org/kola/8812");
    }

    @Test
    void aReportWithoutAttemptIsTheNextAttemptOfItsTarget() {
        String v = candidate("4790.0.3");

        report(TESTER, v, kola("amd64", "qemu_uefi", "failed")).statusCode(201).body("attempt", equalTo(1));
        report(TESTER, v, kola("amd64", "qemu_uefi", "passed")).statusCode(201).body("attempt", equalTo(2));
        report(TESTER, v, kola("amd64", "ami", "passed")).statusCode(201).body("attempt", equalTo(1));
        report(TESTER, v, body("suite", "kola", "arch", "arm64", "vendor", "ami", "result", "passed", "attempt", 3))
                .statusCode(201).body("attempt", equalTo(3));
    }

    @Test
    void theSameReportIdIsOneReportAndAnotherReportUnderItIsAConflict() {
        String v = candidate("4790.0.4");
        Map<String, Object> once = body("suite", "kola", "arch", "amd64", "vendor", "ami", "result", "failed", "reportId", "run-77");
        report(TESTER, v, once).statusCode(201);

        report(TESTER, v, once).statusCode(200).body("attempt", equalTo(1)).body("reportId", equalTo("run-77"));
        List<Integer> before = Db.footprint(v);
        report(TESTER, v, body("suite", "kola", "arch", "amd64", "vendor", "ami", "result", "passed", "reportId", "run-77"))
                .statusCode(409).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "report-id-reused"));

        assertThat(Db.footprint(v)).isEqualTo(before);
        assertThat(Db.count("test_report", "report_id = ?", "run-77")).isEqualTo(1);
        assertThat(Db.outbox(EventCatalog.TEST_REPORTED.name(), v)).hasSize(1);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "4790.0.5|kola     |amd64|qemu_uefi|maybe |-|400|invalid-test-report",
            "4790.0.5|-        |amd64|qemu_uefi|passed|-|400|invalid-test-report",
            "4790.0.5|kola     |-    |qemu_uefi|passed|-|400|invalid-test-report",
            "4790.0.5|kola     |amd64|qemu_uefi|passed|0|400|invalid-test-report",
            "4790.0.5|smoke    |amd64|qemu_uefi|passed|-|422|unknown-suite",
            "4790.0.5|kola     |s390x|qemu_uefi|passed|-|422|arch-not-built",
            "4790.0.5|kola     |amd64|azure    |passed|-|422|vendor-not-built",
            "4790.0.5|kola     |amd64|-        |passed|-|422|vendor-required",
            "4790.0.99|kola    |amd64|qemu_uefi|passed|-|404|release-not-found",
            "main-4799.0.0|kola|amd64|qemu_uefi|passed|-|404|release-not-found",
    })
    void refusesABadReportWithAProblemAndChangesNothing(String version, String suite, String arch, String vendor, String result,
            Integer attempt, int status, String type) {
        candidate("4790.0.5");
        List<Integer> before = Db.footprint(version);

        report(TESTER, version, body("suite", suite, "arch", arch, "vendor", vendor, "result", result, "attempt", attempt))
                .statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));

        assertThat(Db.footprint(version)).isEqualTo(before);
    }

    @Test
    void aMalformedBodyIsAProblemAndChangesNothing() {
        String v = candidate("4790.0.9");
        List<Integer> before = Db.footprint(v);

        for (String json : List.of("{\"suite\":\"kola\"", "{\"suite\":\"kola\",\"arch\":\"amd64\",\"vendor\":\"ami\",\"result\":\"passed\",\"attempt\":\"two\"}", "")) {
            dev.kiln.release.testing.Api.as(TESTER).contentType(ContentType.JSON).body(json)
                    .post("/api/v1/releases/" + v + "/test-reports").then().statusCode(400).contentType("application/problem+json");
        }

        assertThat(Db.footprint(v)).isEqualTo(before);
    }

    @Test
    void onlyTestersReport() {
        String v = candidate("4790.0.6");

        given().contentType(ContentType.JSON).body(kola("amd64", "ami", "passed")).post("/api/v1/releases/" + v + "/test-reports")
                .then().statusCode(401);
        report(RELEASER, v, kola("amd64", "ami", "passed")).statusCode(403);

        assertThat(Db.count("test_report", "version = ?", v)).isZero();
    }

    @Test
    void passingEverySuiteAndAnApprovalMakesItReadyAndAFailingRerunRevokesIt() {
        String v = candidate("4790.0.7");
        passAll(v);
        assertThat(state(v)).isEqualTo("candidate");

        decide(RELEASER, v, "approve", "go").statusCode(201).body("releaseState", equalTo("ready"));
        assertThat(Db.outbox(EventCatalog.RELEASE_READY.name(), v)).hasSize(1);

        report(TESTER, v, body("suite", "kola", "arch", "arm64", "vendor", "ami", "result", "failed", "attempt", 2)).statusCode(201);
        assertThat(state(v)).as("a failure inside the flake window next to a pass is a tolerated flake").isEqualTo("ready");
        report(TESTER, v, body("suite", "kola", "arch", "arm64", "vendor", "ami", "result", "failed", "attempt", 3)).statusCode(201);
        assertThat(state(v)).isEqualTo("candidate");
        assertThat(Db.outbox(EventCatalog.RELEASE_GATE_REVOKED.name(), v)).singleElement()
                .satisfies(json -> assertThat(json).contains("kola on arm64/ami: revoked"));

        report(TESTER, v, body("suite", "kola", "arch", "arm64", "vendor", "ami", "result", "passed", "attempt", 4)).statusCode(201);
        assertThat(state(v)).isEqualTo("ready");
        assertThat(Db.outbox(EventCatalog.RELEASE_READY.name(), v)).hasSize(2);
    }

    @Test
    void failingTheWholeFlakeWindowRejectsTheRelease() {
        String v = candidate("4790.0.8");

        report(TESTER, v, kola("amd64", "qemu_uefi", "failed")).statusCode(201);
        assertThat(state(v)).isEqualTo("candidate");
        report(TESTER, v, kola("amd64", "qemu_uefi", "failed")).statusCode(201);

        given().get("/api/v1/releases/" + v).then().body("state", equalTo("rejected"))
                .body("transitions[1].actor", equalTo("test:tester"))
                .body("transitions[1].reason", equalTo("kola on amd64/qemu_uefi: failed all 2 attempt(s) of the flake window"));
        assertThat(Db.outbox(EventCatalog.RELEASE_REJECTED.name(), v)).hasSize(1);
    }
}
