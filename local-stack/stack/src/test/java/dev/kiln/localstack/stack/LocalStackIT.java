package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, end to end: the whole stack comes up, answers on loopback only, with the demo
 * identities and policy, comes up again on its own data after {@code down}, and leaves nothing behind. Services and
 * infrastructure killed under a running build ({@code ./kiln-local kill|restart}) are FaultSuiteIT's.
 */
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SERVICES = List.of("version-service", "build-runner", "artifact-service",
            "release-service");

    private final KilnLocal kiln = new KilnLocal(
            Path.of("target", "it-stack-" + UUID.randomUUID()).toAbsolutePath());

    @AfterEach
    void tearDown() {
        kiln.down();
    }

    @Test
    void stackComesUpHealthyStopsCleanlyAndReusesItsData() throws Exception {
        kiln.up().assertSucceeded();

        assertThat(kiln.status().assertSucceeded().output()).contains("UP").doesNotContain("DOWN");
        for (String service : SERVICES) {
            assertThat(get(kiln.serviceUrl(service) + "/q/health/ready").body()).contains("\"UP\"");
            HttpResponse<String> openApi = get(kiln.serviceUrl(service) + "/q/openapi?format=json");
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(openApi.body()).contains("\"openapi\"");
        }
        for (String component : kiln.ports.keySet()) {
            assertThat(ListeningSockets.addressesOf(kiln.ports.get(component))).as(component + " listens on")
                    .isNotEmpty().allMatch(java.net.InetAddress::isLoopbackAddress);
        }
        String token = Files.readString(kiln.dataDir.resolve("admin.token"));
        String seedCommit = headOf(kiln.dataDir.resolve("git/scripts.git"));

        String releases = kiln.serviceUrl("release-service") + "/api/v1/releases/4593.2.5/approvals";
        assertThat(Files.getPosixFilePermissions(kiln.dataDir.resolve("tokens/test-system.token")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(postAs("test-system", releases, "{\"decision\":\"approve\"}").statusCode()).as("a tester approves")
                .isEqualTo(403);
        assertThat(postAs("release-manager-1", releases, "{\"decision\":\"approve\"}").statusCode())
                .as("a release manager approves a release that does not exist").isEqualTo(404);
        assertThat(get(kiln.serviceUrl("release-service") + "/api/v1/channels/stable").body())
                .contains("\"minimumSoak\":\"PT0S\"").contains("\"requiredApprovals\":1");

        // a service killed and restarted on its data, and Kafka killed under a running build: FaultSuiteIT
        String allocated = allocateDevVersion(token, "it-before-down");
        assertThat(get(kiln.serviceUrl("version-service") + "/q/metrics").body()).contains("kiln_outbox_backlog");
        List<Long> children = kiln.childPids();

        kiln.down().assertSucceeded();

        assertThat(children).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(kiln.dataDir.resolve("stack.env")).doesNotExist();
        assertThat(kiln.status().exitCode()).isNotZero();

        kiln.up().assertSucceeded();

        assertThat(Files.readString(kiln.dataDir.resolve("admin.token"))).isEqualTo(token);
        assertThat(headOf(kiln.dataDir.resolve("git/scripts.git"))).isEqualTo(seedCommit);
        assertThat(kiln.status().exitCode()).isZero();
        assertThat(get(kiln.serviceUrl("version-service") + "/api/v1/versions/" + allocated).statusCode()).isEqualTo(200);
    }

    @Test
    void killingTheLauncherLeavesNoProcessBehind() throws Exception {
        kiln.up().assertSucceeded();
        long launcher = kiln.launcherPid();
        List<Long> children = kiln.childPids();
        assertThat(children).hasSizeGreaterThanOrEqualTo(7);

        ProcessHandle.of(launcher).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(children).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .as("process " + pid).isNotEqualTo(java.util.Optional.of(true))));
    }

    /** POSTs {@code body} as one of the stack's demo identities ({@code <data dir>/tokens/<identity>.token}). */
    private HttpResponse<String> postAs(String identity, String url, String body) throws Exception {
        String token = Files.readString(kiln.dataDir.resolve("tokens/" + identity + ".token")).strip();
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A dev version through version-service's API, as a user would; returns its tag. */
    private String allocateDevVersion(String token, String suffix) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(kiln.serviceUrl("version-service") + "/api/v1/versions"))
                .header("Authorization", "Bearer " + token.strip()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"dev\",\"suffix\":\"" + suffix + "\"}"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("tag").asText();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String headOf(Path bare) throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            return git.getRepository().resolve("refs/heads/main").name();
        }
    }
}
