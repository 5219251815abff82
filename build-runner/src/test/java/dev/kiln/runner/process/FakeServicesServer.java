package dev.kiln.runner.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.runner.support.FakeCache;
import dev.kiln.runner.support.FakeStepTokens;
import dev.kiln.runner.support.FakeVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fake version-service and artifact-service of the test app, served over plain HTTP for a runner that
 * runs as its own process: {@code /fake-version/api/v1/versions} and {@code /fake-artifacts/cache/<path>}.
 */
public final class FakeServicesServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSIONS = "/fake-version/api/v1/versions";
    private static final String CACHE = "/fake-artifacts/cache/";
    private static final String STEP_TOKENS = "/fake-artifacts/api/v1/step-tokens";

    private final FakeVersions versions;
    /** Uploads under this prefix are answered 503 while set: a cache that is away for some paths. */
    private volatile String refusedPrefix;
    private final FakeCache cache;
    private final Set<String> uploadTokens;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    public FakeServicesServer(FakeCache cache, Set<String> uploadTokens) throws IOException {
        this(cache, uploadTokens, tag -> { });
    }

    /** {@code onTag} is told each tag the fake allocates (to create it in a scripts repository that local steps check out). */
    public FakeServicesServer(FakeCache cache, Set<String> uploadTokens, java.util.function.Consumer<String> onTag) throws IOException {
        this.versions = new FakeVersions(onTag);
        this.cache = cache;
        this.uploadTokens = uploadTokens;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext(VERSIONS, this::versions);
        server.createContext(CACHE, this::cache);
        server.createContext(STEP_TOKENS, this::stepTokens);
        server.setExecutor(threads);
        server.start();
    }

    /** From now on uploads under {@code prefix} fail with 503; null accepts every upload again. */
    public void refuseUploadsUnder(String prefix) {
        refusedPrefix = prefix;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void versions(HttpExchange exchange) throws IOException {
        try (exchange) {
            String tag = exchange.getRequestURI().getPath().substring(VERSIONS.length()).replaceFirst("^/", "");
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if ("POST".equals(exchange.getRequestMethod()) && tag.isEmpty() && key != null) {
                var request = JSON.readValue(exchange.getRequestBody(), CreateVersionRequest.class);
                try {
                    json(exchange, 201, versions.allocate(key, request));
                } catch (IllegalArgumentException | InvalidVersionRequestException e) {
                    json(exchange, 400, Map.of("type", "https://kiln.dev/problems/validation", "detail", e.getMessage()));
                }
            } else if ("GET".equals(exchange.getRequestMethod()) && !tag.isEmpty()) {
                var found = versions.find(tag);
                if (found.isPresent()) {
                    json(exchange, 200, found.get());
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            } else {
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    private void cache(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(CACHE.length());
            java.nio.file.Path file = cache.file(path);
            switch (exchange.getRequestMethod()) {
                case "HEAD" -> exchange.sendResponseHeaders(cache.has(path) ? 200 : 404, -1);
                case "GET" -> {
                    if (Files.isDirectory(file)) {
                        json(exchange, 200, cache.entries(path));
                    } else if (Files.isRegularFile(file)) {
                        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                        exchange.sendResponseHeaders(200, Files.size(file));
                        try (OutputStream out = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
                            in.transferTo(out);
                        }
                    } else {
                        exchange.sendResponseHeaders(404, -1);
                    }
                }
                case "PUT" -> {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    String refused = refusedPrefix;
                    String bearer = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
                    if (!uploadTokens.contains(bearer) && !FakeStepTokens.allows(bearer, path)) {
                        exchange.sendResponseHeaders(authorization == null ? 401 : 403, -1);
                    } else if (refused != null && path.startsWith(refused)) {
                        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                        exchange.sendResponseHeaders(503, -1);
                    } else {
                        json(exchange, 201, Map.of("path", path, "size", cache.store(path, exchange.getRequestBody())));
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    /** artifact-service's step tokens: issue (POST), revoke a build's (DELETE builds/<id>), list live builds. */
    private void stepTokens(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getPath().substring(STEP_TOKENS.length());
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    var request = JSON.readTree(exchange.getRequestBody());
                    List<String> prefixes = new java.util.ArrayList<>();
                    request.path("prefixes").forEach(p -> prefixes.add(p.asText()));
                    FakeStepTokens.Grant grant = FakeStepTokens.issue(request.path("buildId").asText(), prefixes,
                            java.time.Instant.parse(request.path("expiresAt").asText()));
                    json(exchange, 201, Map.of("buildId", grant.buildId(), "prefixes", grant.prefixes(),
                            "expiresAt", grant.expiresAt().toString(), "token", grant.token()));
                }
                case "DELETE" -> {
                    String build = rest.replaceFirst("^/builds/", "");
                    json(exchange, 200, Map.of("buildId", build, "revoked", FakeStepTokens.revoke(build)));
                }
                case "GET" -> json(exchange, 200, FakeStepTokens.liveBuilds());
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
