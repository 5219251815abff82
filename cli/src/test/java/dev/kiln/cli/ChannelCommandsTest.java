package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** kiln channel: boards, history, publish and rollback through release-service, pointers from artifact-service. */
class ChannelCommandsTest extends AgainstFakeKiln {

    @Test
    void listShowsEachChannelsCurrentReleasePerArchAndItsPolicy() {
        kiln.json("GET", "/api/v1/channels", 200, "[" + ReleaseDocuments.CHANNEL_STABLE + "]");

        CliRun.Result result = cli.run("channel", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "CHANNEL   CURRENT                         SUITES                                  SOAK     APPROVALS",
                "stable    amd64=4593.2.5,arm64=4593.2.5   kola per vendor, qemu_update per arch   PT672H   2");
    }

    @Test
    void showPutsArtifactServicesPointersBesideTheBoard() {
        kiln.json("GET", "/api/v1/channels/stable", 200, ReleaseDocuments.CHANNEL_STABLE);
        kiln.json("GET", "/api/v1/channels/stable/amd64/pointers", 200, ReleaseDocuments.POINTERS_AMD64);
        kiln.json("GET", "/api/v1/channels/stable/arm64/pointers", 200, ReleaseDocuments.POINTERS_AMD64
                .replace("10:00:00Z", "10:00:01Z"));

        CliRun.Result result = cli.run("channel", "show", "stable");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsSubsequence(
                "channel stable",
                "ARCH    CURRENT    POINTERS           LAST CHANGE",
                "amd64   4593.2.5   current=4593.2.5   publish 4593.2.5 2026-09-01T10:00:00Z",
                "arm64   4593.2.5   current=4593.2.5   publish 4593.2.5 2026-09-01T10:00:01Z",
                "policy: suites kola per vendor, qemu_update per arch; flake attempts 2; soak PT672H; approvals 2; "
                        + "auto-publish false; auto-rollback false");
    }

    @Test
    void showStillShowsTheBoardWhenArtifactServiceHasNoPointersEndpoint() {
        kiln.json("GET", "/api/v1/channels/stable", 200, ReleaseDocuments.CHANNEL_STABLE);

        CliRun.Result result = cli.run("channel", "show", "stable");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("amd64   4593.2.5   ?          publish 4593.2.5")
                .contains("(pointers unknown, artifact-service: amd64: Not Found: no fake route for GET "
                        + "/api/v1/channels/stable/amd64/pointers;");
    }

    @Test
    void showAsJsonIsReleaseServicesChannelOnly() {
        kiln.json("GET", "/api/v1/channels/stable", 200, ReleaseDocuments.CHANNEL_STABLE);

        CliRun.Result result = cli.run("channel", "show", "stable", "-o", "json");

        assertThat(result.out()).isEqualTo(ReleaseDocuments.CHANNEL_STABLE + "\n");
        assertThat(kiln.requests).hasSize(1);
    }

    @Test
    void historyListsEveryArchsChangesOldestFirst() {
        kiln.json("GET", "/api/v1/channels/stable", 200, ReleaseDocuments.CHANNEL_STABLE);

        CliRun.Result result = cli.run("channel", "history", "stable");

        assertThat(result.out().lines()).containsExactly(
                "AT                     ARCH    ACTION    VERSION    CURRENT    ACTOR   REASON",
                "2026-08-01T10:00:00Z   amd64   publish   4593.2.4   4593.2.4   bob     published",
                "2026-09-01T10:00:00Z   amd64   publish   4593.2.5   4593.2.5   alice   published",
                "2026-09-01T10:00:01Z   arm64   publish   4593.2.5   4593.2.5   alice   published");
    }

    @Test
    void publishSendsTheVersion() {
        kiln.json("POST", "/api/v1/channels/alpha/publications", 200, ReleaseDocuments.CHANNEL_STABLE
                .replace("stable", "alpha").replace("4593.2.5", "4790.0.1"));

        CliRun.Result result = cli.run("channel", "publish", "alpha", "4790.0.1");

        assertThat(result.exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"version\":\"4790.0.1\"}");
        assertThat(result.out()).contains("amd64   4790.0.1");
    }

    @Test
    void rollbackSendsArchAndReasonAndNeedsAReason() {
        kiln.json("POST", "/api/v1/channels/stable/rollback", 200, ReleaseDocuments.CHANNEL_STABLE);

        assertThat(cli.run("channel", "rollback", "stable", "--arch", "arm64", "--reason", "boot loops on some boards")
                .exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"arch\":\"arm64\",\"reason\":\"boot loops on some boards\"}");
        assertThat(cli.run("channel", "rollback", "stable", "--reason", "boot loops").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"reason\":\"boot loops\"}");

        assertThat(cli.run("channel", "rollback", "stable").exitCode()).isEqualTo(2);
        assertThat(kiln.requests).hasSize(2);
    }

    @Test
    void publishingWhatIsNotReadyIsRefused() {
        kiln.on("POST", "/api/v1/channels/stable/publications", FakeKiln.problem(409, "release-not-ready",
                "Release not ready", "4593.3.0 is candidate, not ready"));

        CliRun.Result result = cli.run("channel", "publish", "stable", "4593.3.0");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().strip()).isEqualTo("kiln: Release not ready: 4593.3.0 is candidate, not ready");
    }

    @Test
    void anUnknownChannelIsNotFound() {
        kiln.on("GET", "/api/v1/channels/edge", FakeKiln.problem(404, "channel-not-found", "Channel not found",
                "edge is no channel"));

        assertThat(cli.run("channel", "show", "edge").exitCode()).isEqualTo(3);
    }
}
