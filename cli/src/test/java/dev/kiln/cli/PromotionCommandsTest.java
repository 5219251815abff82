package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** kiln promote and kiln promotion: release requests as the contract defines them, and --follow. */
class PromotionCommandsTest extends AgainstFakeKiln {

    private static final String QUEUED = ReleaseDocuments.entry("queued", "2026-09-02T08:00:00Z", "alice", null);
    private static final String BUILDING = ReleaseDocuments.entry("building", "2026-09-02T08:01:00Z", "release-service",
            "build b-0190c2a1 started");
    private static final String PUBLISHED = ReleaseDocuments.entry("published", "2026-09-03T10:00:00Z", "bob",
            "gates hold, published");

    @Test
    void newMajorSendsItsTypeArchesVendorsAndAnIdempotencyKey() {
        kiln.json("POST", "/api/v1/promotions", 201, ReleaseDocuments.promotion("queued", QUEUED)
                .replace("\"promotion\"", "\"new-major\""));

        CliRun.Result result = cli.run("promote", "new-major", "--arches", "amd64,arm64", "--vendors", "qemu_uefi,ami");

        assertThat(result.exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo(
                "{\"type\":\"new-major\",\"arches\":[\"amd64\",\"arm64\"],\"vendors\":[\"qemu_uefi\",\"ami\"]}");
        assertThat(kiln.last().header("Idempotency-Key")).isNotBlank();
        assertThat(result.out()).contains("state         queued").contains("2026-09-02T08:00:00Z   queued   alice");
    }

    @Test
    void promotingAReleaseSendsFromAndTo() {
        kiln.json("POST", "/api/v1/promotions", 201, ReleaseDocuments.promotion("queued", QUEUED));

        assertThat(cli.run("promote", "release", "4790.0.1", "--to", "beta", "--idempotency-key", "ci-991")
                .exitCode()).isZero();

        assertThat(kiln.last().body()).isEqualTo("{\"type\":\"promotion\",\"from\":\"4790.0.1\",\"to\":\"beta\"}");
        assertThat(kiln.last().header("Idempotency-Key")).isEqualTo("ci-991");
    }

    @Test
    void aPatchSendsChannelAndMajorAsANumber() {
        kiln.json("POST", "/api/v1/promotions", 201, ReleaseDocuments.promotion("queued", QUEUED));

        assertThat(cli.run("promote", "patch", "--channel", "stable", "--major", "4593").exitCode()).isZero();

        assertThat(kiln.last().body()).isEqualTo("{\"type\":\"patch\",\"channel\":\"stable\",\"major\":4593}");
        assertThat(cli.run("promote", "patch", "--channel", "stable", "--major", "latest").exitCode()).isEqualTo(2);
        assertThat(cli.run("promote", "release", "4790.0.1").exitCode()).as("--to is required").isEqualTo(2);
    }

    @Test
    void followPrintsEachTransitionOnceUntilPublished() {
        kiln.json("POST", "/api/v1/promotions", 201, ReleaseDocuments.promotion("queued", QUEUED));
        kiln.on("GET", "/api/v1/promotions/p-4790-beta",
                FakeKiln.reply(200, "application/json", ReleaseDocuments.promotion("queued", QUEUED)),
                FakeKiln.reply(200, "application/json", ReleaseDocuments.promotion("building", QUEUED + "," + BUILDING)),
                FakeKiln.reply(200, "application/json", ReleaseDocuments.promotion("building", QUEUED + "," + BUILDING)),
                FakeKiln.reply(200, "application/json",
                        ReleaseDocuments.promotion("published", QUEUED + "," + BUILDING + "," + PUBLISHED)));

        CliRun.Result result = cli.run("promote", "release", "4790.0.1", "--to", "beta", "--follow");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "promotion p-4790-beta: promotion of 4790.0.1 to beta",
                "2026-09-02T08:00:00Z queued by alice",
                "2026-09-02T08:01:00Z building by release-service: build b-0190c2a1 started",
                "2026-09-03T10:00:00Z published by bob: gates hold, published");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void followOfAFailedRequestExitsOneWithItsReason() {
        String failed = ReleaseDocuments.promotion("failed", QUEUED + "," + ReleaseDocuments.entry("failed",
                "2026-09-02T09:00:00Z", "release-service", "build b-0190c2a1 failed"))
                .replace("\"requestedBy\"", "\"reason\": \"build b-0190c2a1 failed\", \"requestedBy\"");
        kiln.json("GET", "/api/v1/promotions/p-4790-beta", 200, failed);

        CliRun.Result result = cli.run("promotion", "show", "p-4790-beta", "--follow");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("2026-09-02T09:00:00Z failed by release-service: build b-0190c2a1 failed");
        assertThat(result.err().strip()).isEqualTo("kiln: promotion p-4790-beta failed: build b-0190c2a1 failed");
    }

    @Test
    void followOfACancelledRequestExitsOne() {
        kiln.json("GET", "/api/v1/promotions/p-4790-beta", 200, ReleaseDocuments.promotion("cancelled", QUEUED + ","
                + ReleaseDocuments.entry("cancelled", "2026-09-02T08:30:00Z", "bob", "wrong major")));

        assertThat(cli.run("promotion", "show", "p-4790-beta", "-f").exitCode()).isEqualTo(1);
    }

    @Test
    void followRidesOutARestartOfReleaseServiceButNotAnUnknownId() {
        kiln.on("GET", "/api/v1/promotions/p-4790-beta",
                FakeKiln.reply(200, "application/json", ReleaseDocuments.promotion("queued", QUEUED)),
                FakeKiln.problem(503, "unavailable", "Service unavailable", "restarting"),
                FakeKiln.reply(200, "application/json",
                        ReleaseDocuments.promotion("published", QUEUED + "," + PUBLISHED)));

        CliRun.Result result = cli.run("promotion", "show", "p-4790-beta", "--follow");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Service unavailable: restarting (retrying)").contains("published by bob");

        CliRun.Result unknown = cli.run("promotion", "show", "p-nope", "--follow");
        assertThat(unknown.exitCode()).isEqualTo(3);
    }

    @Test
    void listShowAndCancel() {
        kiln.json("GET", "/api/v1/promotions", 200, "{\"items\":[" + ReleaseDocuments.promotion("testing", QUEUED)
                + "],\"page\":0,\"size\":50,\"total\":1}");
        CliRun.Result list = cli.run("promotion", "list", "--state", "testing", "--channel", "beta");
        assertThat(list.exitCode()).isZero();
        assertThat(kiln.last().query()).isEqualTo("state=testing&channel=beta");
        assertThat(list.out()).contains("p-4790-beta   promotion   testing   beta");

        kiln.json("GET", "/api/v1/promotions/p-4790-beta", 200, ReleaseDocuments.promotion("testing", QUEUED));
        assertThat(cli.run("promotion", "show", "p-4790-beta", "-o", "yaml").out()).contains("state: testing");

        kiln.json("POST", "/api/v1/promotions/p-4790-beta/cancel", 200, ReleaseDocuments.promotion("cancelled", QUEUED));
        assertThat(cli.run("promotion", "cancel", "p-4790-beta", "--reason", "wrong major").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"reason\":\"wrong major\"}");
    }

    @Test
    void cancellingAFinishedRequestIsAConflict() {
        kiln.on("POST", "/api/v1/promotions/p-4790-beta/cancel", FakeKiln.problem(409, "promotion-finished",
                "Promotion finished", "p-4790-beta is published"));

        CliRun.Result result = cli.run("promotion", "cancel", "p-4790-beta", "--reason", "too late");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().strip()).isEqualTo("kiln: Promotion finished: p-4790-beta is published");
    }

    @Test
    void anIllegalRequestIsRefusedAndAMissingEndpointIsNotFound() {
        kiln.on("POST", "/api/v1/promotions", FakeKiln.problem(422, "promotion-skips-channel",
                "Illegal promotion", "4790.0.1 is on alpha; it can only go to beta"),
                FakeKiln.reply(404, "text/html", "<html>Not Found</html>"));

        CliRun.Result illegal = cli.run("promote", "release", "4790.0.1", "--to", "stable");
        CliRun.Result missing = cli.run("promote", "new-major");

        assertThat(illegal.exitCode()).isEqualTo(4);
        assertThat(illegal.err().strip()).isEqualTo("kiln: Illegal promotion: 4790.0.1 is on alpha; it can only go to beta");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err().strip()).isEqualTo("kiln: HTTP 404 from POST " + kiln.url() + "/api/v1/promotions");
        assertThat(illegal.err() + missing.err()).doesNotContain(CliRun.TOKEN);
    }
}
