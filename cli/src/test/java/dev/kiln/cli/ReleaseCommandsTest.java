package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kiln release: the documented requests of release-service, its tables, and its refusals as exit codes. */
class ReleaseCommandsTest extends AgainstFakeKiln {

    @Test
    void listSendsItsFiltersAndSaysWhenMorePagesFollow() {
        kiln.json("GET", "/api/v1/releases", 200, ReleaseDocuments.RELEASE_PAGE);

        CliRun.Result result = cli.run("release", "list", "--channel", "stable", "--state", "published", "--size", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(kiln.last().query()).isEqualTo("channel=stable&state=published&size=1");
        assertThat(result.out()).contains("VERSION    CHANNEL   STATE       ARCHES        VENDORS")
                .contains("4593.2.5   stable    published   amd64,arm64   qemu_uefi,ami")
                .contains("(page 0, 1 of 2; --page 1 for more)");
    }

    @Test
    void showPrintsTheFieldsThenTheTransitions() {
        kiln.json("GET", "/api/v1/releases/4790.0.1", 200, ReleaseDocuments.RELEASE_ALPHA);

        CliRun.Result result = cli.run("release", "show", "4790.0.1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("state        ready").contains("arches       amd64,arm64")
                .contains("2026-08-22T09:12:03Z   candidate   ready       alice")
                .doesNotContain("\"transitions\"");
    }

    @Test
    void gatesShowEachSuiteArchAndVendorWithItsAttemptsThenSoakAndApprovals() {
        kiln.json("GET", "/api/v1/releases/4593.1.0/gates", 200, ReleaseDocuments.GATES);

        CliRun.Result result = cli.run("release", "gates", "4593.1.0");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsSubsequence(
                "4593.1.0 (beta, candidate): verdict pending",
                "SUITE         ARCH    VENDOR      STATUS      ATTEMPTS                    DETAIL",
                "kola          amd64   ami         waiting     1 failed (of 2)             failed 1 of 2 attempt(s); 1 left",
                "kola          arm64   qemu_uefi   satisfied   1 failed, 2 passed (of 2)   passed on attempt 2",
                "qemu_update   amd64   -           missing     -                           nothing reported",
                "GATE        STATUS      DETAIL",
                "soak        missing     the source release is not published in the previous channel",
                "approvals   satisfied   1 of 1 approval(s)");
    }

    @Test
    void reportSendsTheDocumentedTestReport() {
        kiln.json("POST", "/api/v1/releases/4790.0.1/test-reports", 201, ReleaseDocuments.TEST_REPORT);

        CliRun.Result result = cli.run("release", "report", "4790.0.1", "--suite", "kola", "--arch", "amd64",
                "--vendor", "qemu_uefi", "--result", "failed", "--attempt", "1",
                "--details-url", "https://ci.example.org/kola/8812", "--report-id", "kola-8812");

        assertThat(result.exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"suite\":\"kola\",\"arch\":\"amd64\",\"vendor\":\"qemu_uefi\","
                + "\"result\":\"failed\",\"attempt\":1,\"detailsUrl\":\"https://ci.example.org/kola/8812\","
                + "\"reportId\":\"kola-8812\"}");
        assertThat(kiln.last().header("Authorization")).isEqualTo("Bearer " + CliRun.TOKEN);
        assertThat(result.out()).contains("reportedBy   ci");
    }

    @Test
    void aPerArchReportLeavesOutVendorAttemptAndReportId() {
        kiln.json("POST", "/api/v1/releases/4790.0.1/test-reports", 201, ReleaseDocuments.TEST_REPORT);

        assertThat(cli.run("release", "report", "4790.0.1", "--suite", "qemu_update", "--arch", "arm64",
                "--result", "passed").exitCode()).isZero();

        assertThat(kiln.last().body()).isEqualTo("{\"suite\":\"qemu_update\",\"arch\":\"arm64\",\"result\":\"passed\"}");
    }

    @Test
    void aResultOtherThanPassedOrFailedIsAUsageErrorAndSendsNothing() {
        CliRun.Result result = cli.run("release", "report", "4790.0.1", "--suite", "kola", "--arch", "amd64",
                "--result", "flaky");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--result").contains("passed, failed");
        assertThat(kiln.requests).isEmpty();
    }

    @Test
    void approveAndRejectSendADecision() {
        kiln.json("POST", "/api/v1/releases/4593.2.5/approvals", 201, ReleaseDocuments.APPROVAL);

        assertThat(cli.run("release", "approve", "4593.2.5", "--comment", "go").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"decision\":\"approve\",\"comment\":\"go\"}");
        assertThat(cli.run("release", "approve", "4593.2.5").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"decision\":\"approve\"}");
        assertThat(cli.run("release", "reject", "4593.2.5", "--comment", "kernel panics on ami").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"decision\":\"reject\",\"comment\":\"kernel panics on ami\"}");
    }

    @Test
    void rejectWithoutACommentIsAUsageError() {
        assertThat(cli.run("release", "reject", "4593.2.5").exitCode()).isEqualTo(2);
        assertThat(kiln.requests).isEmpty();
    }

    @Test
    void withdrawSendsTheReason() {
        kiln.json("POST", "/api/v1/releases/4593.2.5/withdraw", 200,
                ReleaseDocuments.RELEASE_ALPHA.replace("\"ready\"", "\"withdrawn\""));

        CliRun.Result result = cli.run("release", "withdraw", "4593.2.5", "--reason", "CVE-2026-1234 in the kernel");

        assertThat(result.exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"reason\":\"CVE-2026-1234 in the kernel\"}");
        assertThat(result.out()).contains("withdrawn");
    }

    @Test
    void manifestShowsFilesReportsApprovalsHistoryAndPackageChanges() {
        kiln.json("GET", "/api/v1/releases/4593.2.5/manifest", 200, ReleaseDocuments.MANIFEST);

        CliRun.Result result = cli.run("release", "manifest", "4593.2.5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsSubsequence(
                "4593.2.5 (stable, published)",
                "OUTPUTS",
                "amd64   flatcar_production_image.bin.bz2   500.0 MiB   9f86d081884c7d65...",
                "arm64   flatcar_production_image.bin.bz2   475.0 MiB   2c26b46b68ffc68f...",
                "TEST REPORTS",
                "APPROVALS",
                "alice      approve    go        2026-09-01T09:00:00Z",
                "CHANNEL HISTORY",
                "PACKAGE CHANGES",
                "amd64   4593.2.4   added     sys-apps/zram-generator-1.1.2   -        -",
                "amd64   4593.2.4   updated   sys-kernel/coreos-kernel        6.6.58   6.6.60");
        assertThat(result.out()).contains("inputs: tag stable-4593.2.5; commit 3f1c9e2; branch flatcar-4593");
    }

    @Test
    void manifestAsJsonIsTheServicesDocument() {
        kiln.json("GET", "/api/v1/releases/4593.2.5/manifest", 200, ReleaseDocuments.MANIFEST);

        CliRun.Result result = cli.run("release", "manifest", "4593.2.5", "-o", "json");

        JsonNode manifest = Json.parse(result.out());
        assertThat(manifest.at("/packageChanges/0/updated/0/to").asText()).isEqualTo("6.6.60");
        assertThat(result.out()).isEqualTo(ReleaseDocuments.MANIFEST + "\n");
    }

    @ParameterizedTest
    @CsvSource({
        "404, release-not-found, Release not found, no release 4593.9.9 was built by Kiln, 3",
        "409, already-decided, Already decided, alice decided on 4593.9.9 already, 4",
        "409, release-not-open, Release not open, 4593.9.9 is published, 4",
        "401, unauthenticated, Unauthenticated, no or an unknown bearer token, 5",
        "403, forbidden, Forbidden, approving needs the role releaser, 5",
        "503, unavailable, Service unavailable, the database is down, 1"})
    void refusalsAreOneLineWithTheirExitCodeAndNoToken(int status, String slug, String title, String detail,
            int exitCode) {
        kiln.on("POST", "/api/v1/releases/4593.9.9/approvals", FakeKiln.problem(status, slug, title, detail));

        CliRun.Result result = cli.run("release", "approve", "4593.9.9", "--comment", "go");

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo("kiln: " + title + ": " + detail + System.lineSeparator());
        assertThat(result.out()).isEmpty();
        assertThat(result.out() + result.err()).doesNotContain(CliRun.TOKEN);
    }

    @Test
    void anEndpointReleaseServiceDoesNotHaveYetIsNotFound() {
        kiln.on("POST", "/api/v1/releases/4593.2.5/withdraw", FakeKiln.reply(404, "text/html", ""));

        CliRun.Result result = cli.run("release", "withdraw", "4593.2.5", "--reason", "CVE-2026-1234");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip())
                .isEqualTo("kiln: HTTP 404 from POST " + kiln.url() + "/api/v1/releases/4593.2.5/withdraw");
        assertThat(result.err()).doesNotContain(CliRun.TOKEN);
    }

    @Test
    void aVersionCannotLeaveItsPathSegment() {
        kiln.json("GET", "/api/v1/releases/4593.2.5%2Fgates", 200, ReleaseDocuments.RELEASE_ALPHA);

        assertThat(cli.run("release", "show", "4593.2.5/gates").exitCode()).isZero();

        assertThat(kiln.last().path()).isEqualTo("/api/v1/releases/4593.2.5%2Fgates");
    }
}
