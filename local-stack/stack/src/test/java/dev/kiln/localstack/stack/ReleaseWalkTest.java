package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk against a release-service that follows the promotions contract (contracts.md section 2) one poll at a
 * time: who asks, who approves, who publishes, and what is printed.
 */
class ReleaseWalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final FakeReleaseService service = new FakeReleaseService();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void tokens() throws IOException {
        for (String identity : DemoRelease.IDENTITIES.keySet()) {
            Files.createDirectories(DemoRelease.tokenFile(dataDir, identity).getParent());
            Files.writeString(DemoRelease.tokenFile(dataDir, identity), "kiln-" + identity + "-token\n");
        }
    }

    @AfterEach
    void stop() {
        service.server.stop(0);
    }

    private ReleaseWalk walk() {
        return new ReleaseWalk(new ReleaseApi(service.url(), dataDir), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(30), Duration.ofMillis(10));
    }

    @Test
    void walksANewMajorThroughAlphaBetaAndStableApprovingAsTheOtherReleaseManager() {
        List<String> published = walk().run(List.of("amd64", "arm64"), List.of("qemu_uefi"));

        assertThat(published).containsExactly("4790.0.1", "4790.1.0", "4790.2.0");
        assertThat(service.calls).containsExactly(
                "release-manager-1 POST /api/v1/promotions {\"type\":\"new-major\",\"arches\":[\"amd64\",\"arm64\"],\"vendors\":[\"qemu_uefi\"]}",
                "release-manager-2 POST /api/v1/releases/4790.0.1/approvals",
                "release-manager-1 POST /api/v1/channels/alpha/publications {\"version\":\"4790.0.1\"}",
                "release-manager-1 POST /api/v1/promotions {\"type\":\"promotion\",\"from\":\"4790.0.1\",\"to\":\"beta\"}",
                "release-manager-2 POST /api/v1/releases/4790.1.0/approvals",
                "release-manager-1 POST /api/v1/channels/beta/publications {\"version\":\"4790.1.0\"}",
                "release-manager-1 POST /api/v1/promotions {\"type\":\"promotion\",\"from\":\"4790.1.0\",\"to\":\"stable\"}",
                "release-manager-2 POST /api/v1/releases/4790.2.0/approvals",
                "release-manager-1 POST /api/v1/channels/stable/publications {\"version\":\"4790.2.0\"}");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("release-manager-1: POST /api/v1/promotions {\"type\":\"new-major\",\"arches\":[\"amd64\",\"arm64\"],"
                        + "\"vendors\":[\"qemu_uefi\"]} -> 201")
                .contains("promotion p-1: building")
                .contains("version 4790.0.1 for alpha, build b-1")
                .contains("gate kola on amd64/qemu_uefi      waiting   failed 1 of 2 attempt(s); 1 left [attempt 1 failed]")
                .contains("gate kola on amd64/qemu_uefi      satisfied passed on attempt 2 within the 2-attempt window "
                        + "[attempt 1 failed, attempt 2 passed]")
                .contains("release-manager-2 approves 4790.0.1 (release-manager-1 asked, and cannot approve alone): 201, release ready")
                .contains("release-manager-1 publishes 4790.2.0 in stable (the policy does not publish by itself): 200")
                .contains("walked a new major through alpha (4790.0.1), beta (4790.1.0) and stable (4790.2.0)");
    }

    @Test
    void doesNotPublishWhereThePolicyPublishesByItself() {
        service.autoPublish = true;

        walk().run(List.of("amd64"), List.of("qemu_uefi"));

        assertThat(service.calls).noneMatch(call -> call.contains("/publications"));
    }

    @Test
    void stopsWithTheReasonWhenAPromotionFails() {
        service.failWith = "build b-1 failed: step image-amd64 exited 1";

        assertThatThrownBy(() -> walk().run(List.of("amd64"), List.of("qemu_uefi")))
                .isInstanceOf(ReleaseWalk.WalkFailed.class)
                .hasMessage("promotion p-1 ended failed: build b-1 failed: step image-amd64 exited 1");
    }

    @Test
    void stopsWhenTheServiceRefusesTheRequest() {
        service.refuseWith = "{\"type\":\"https://kiln.dev/problems/open-request-exists\",\"status\":409,"
                + "\"detail\":\"alpha has an open request for major 4790\"}";

        assertThatThrownBy(() -> walk().run(List.of("amd64"), List.of("qemu_uefi")))
                .hasMessage("a new major in alpha was refused: 409 open-request-exists: alpha has an open request for major 4790");
    }

    /**
     * Promotions move one state per read: versioning, building, testing (the test system's reports arrive: kola on
     * amd64 fails once, then everything passes), awaiting-approval; an approval by someone other than the requester
     * makes the release ready; a publication (or autoPublish) publishes it.
     */
    private static final class FakeReleaseService {
        final HttpServer server;
        final List<String> calls = new ArrayList<>();
        boolean autoPublish;
        String failWith;
        String refuseWith;
        private final Map<String, ObjectNode> promotions = new HashMap<>();
        private final Map<String, Integer> reads = new HashMap<>();
        private final Map<String, String> releaseState = new HashMap<>();
        private final Map<String, String> requesters = new HashMap<>();

        FakeReleaseService() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String identity = identity(exchange);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("POST")) {
                calls.add(identity + " POST " + path + (path.endsWith("/approvals") ? "" : " " + body));
            }
            if (path.equals("/api/v1/promotions")) {
                if (refuseWith != null) {
                    answer(exchange, 409, refuseWith);
                    return;
                }
                answer(exchange, 201, createPromotion(JSON.readTree(body), identity).toString());
            } else if (path.startsWith("/api/v1/promotions/")) {
                answer(exchange, 200, advance(promotions.get(path.substring("/api/v1/promotions/".length()))).toString());
            } else if (path.matches("/api/v1/releases/[^/]+/gates")) {
                String version = path.split("/")[4];
                answer(exchange, releaseState.containsKey(version) ? 200 : 404,
                        releaseState.containsKey(version) ? gates(version).toString() : "{}");
            } else if (path.endsWith("/approvals")) {
                String version = path.split("/")[4];
                if (identity.equals(requesters.get(version))) {
                    answer(exchange, 403, "{\"detail\":\"the requester cannot approve alone\"}");
                    return;
                }
                releaseState.put(version, autoPublish ? "published" : "ready");
                answer(exchange, 201, "{\"version\":\"" + version + "\",\"identity\":\"" + identity
                        + "\",\"decision\":\"approve\",\"releaseState\":\"ready\"}");
            } else if (path.matches("/api/v1/channels/[^/]+/publications")) {
                releaseState.put(JSON.readTree(body).path("version").asText(), "published");
                answer(exchange, 200, "{}");
            } else if (path.matches("/api/v1/channels/[^/]+")) {
                answer(exchange, 200, "{\"policy\":{\"autoPublish\":" + autoPublish + "}}");
            } else {
                answer(exchange, 404, "{}");
            }
        }

        private ObjectNode createPromotion(JsonNode request, String requester) {
            String id = "p-" + (promotions.size() + 1);
            boolean newMajor = request.path("type").asText().equals("new-major");
            String channel = newMajor ? "alpha" : request.path("to").asText();
            String version = switch (channel) {
                case "alpha" -> "4790.0.1";
                case "beta" -> "4790.1.0";
                default -> "4790.2.0";
            };
            ObjectNode promotion = JSON.createObjectNode().put("id", id).put("type", request.path("type").asText())
                    .put("state", "versioning").put("channel", channel).put("requestedBy", requester);
            promotion.putArray("history").addObject().put("state", "versioning").put("actor", requester);
            promotion.put("pendingVersion", version);
            promotions.put(id, promotion);
            return promotion.deepCopy().without("pendingVersion");
        }

        private ObjectNode advance(ObjectNode promotion) {
            String id = promotion.path("id").asText();
            String version = promotion.path("pendingVersion").asText();
            int read = reads.merge(id, 1, Integer::sum);
            String state = promotion.path("state").asText();
            String next = switch (state) {
                case "versioning" -> "building";
                case "building" -> failWith != null ? "failed" : "testing";
                case "testing" -> read > 5 ? "awaiting-approval" : "testing";
                case "awaiting-approval" -> "published".equals(releaseState.get(version)) ? "published" : state;
                default -> state;
            };
            if (next.equals("building")) {
                promotion.put("version", version).put("buildId", "b-" + id.substring(2));
                releaseState.put(version, "candidate");
                requesters.put(version, promotion.path("requestedBy").asText());
            }
            if (!next.equals(state)) {
                promotion.put("state", next);
                ObjectNode entry = ((ArrayNode) promotion.path("history")).addObject().put("state", next);
                if (next.equals("failed")) {
                    promotion.put("reason", failWith);
                    entry.put("reason", failWith);
                }
            }
            return promotion.deepCopy().without("pendingVersion");
        }

        private ObjectNode gates(String version) {
            int read = reads.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            String state = releaseState.get(version);
            ObjectNode gates = JSON.createObjectNode().put("version", version)
                    .put("channel", version.equals("4790.0.1") ? "alpha" : version.equals("4790.1.0") ? "beta" : "stable")
                    .put("state", state.equals("published") ? "published" : state)
                    .put("verdict", state.equals("candidate") ? "pending" : "holds");
            ArrayNode requirements = gates.putArray("requirements");
            ObjectNode kola = requirements.addObject().put("kind", "suite").put("suite", "kola").put("arch", "amd64")
                    .put("vendor", "qemu_uefi").put("flakeAttempts", 2);
            ArrayNode attempts = kola.putArray("attempts");
            if (read >= 3) {
                attempts.addObject().put("attempt", 1).put("result", "failed");
            }
            if (read >= 4) {
                attempts.addObject().put("attempt", 2).put("result", "passed");
            }
            kola.put("status", read >= 4 ? "satisfied" : read >= 3 ? "waiting" : "missing")
                    .put("detail", read >= 4 ? "passed on attempt 2 within the 2-attempt window"
                            : read >= 3 ? "failed 1 of 2 attempt(s); 1 left" : "no report yet");
            boolean approved = !state.equals("candidate");
            requirements.addObject().put("kind", "approvals").put("status", approved ? "satisfied" : "missing")
                    .put("detail", approved ? "1 of 1" : "0 of 1");
            return gates;
        }

        private static String identity(HttpExchange exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            return authorization == null ? "anonymous"
                    : authorization.replace("Bearer kiln-", "").replace("-token", "");
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
