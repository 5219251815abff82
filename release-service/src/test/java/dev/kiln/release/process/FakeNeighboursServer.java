package dev.kiln.release.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.clients.build.CancelBuildRequest;
import dev.kiln.clients.build.CreateBuildRequest;
import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.release.testing.FakeBuildRunner;
import dev.kiln.release.testing.FakeVersionService;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * version-service, build-runner and artifact-service's channel calls for a release-service that runs as its own
 * process: the test app's {@link FakeVersionService} and {@link FakeBuildRunner} behind plain HTTP, and a channel
 * storage that copies each release file into a channel once (a repeated copy skips what is there, as artifact-service
 * does) and counts every copy, pointer move and file it was asked for. Copies can be held, to kill the service while
 * one is in flight.
 */
public final class FakeNeighboursServer implements AutoCloseable {

    /** The files of every release here, per arch. */
    public static final List<String> RELEASE_FILES = List.of("version.txt", "flatcar_production_image.bin.bz2");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String SHA256 = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

    private final FakeVersionService versions = new FakeVersionService();
    private final FakeBuildRunner builds = new FakeBuildRunner();
    private final Set<String> channelObjects = ConcurrentHashMap.newKeySet();
    private final AtomicInteger copyCalls = new AtomicInteger();
    private final AtomicInteger objectCopies = new AtomicInteger();
    private final Map<String, AtomicInteger> pointerMoves = new ConcurrentHashMap<>();
    private volatile CountDownLatch heldCopies;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    public FakeNeighboursServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/fake-version/api/v1/versions", this::versions);
        server.createContext("/fake-build-runner/api/v1/builds", this::builds);
        server.createContext("/fake-artifacts/", this::artifacts);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeVersionService versions() {
        return versions;
    }

    public FakeBuildRunner builds() {
        return builds;
    }

    /** From now on copies wait until {@link #releaseCopies()}. */
    public void holdCopies() {
        heldCopies = new CountDownLatch(1);
    }

    public void releaseCopies() {
        CountDownLatch held = heldCopies;
        heldCopies = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** Copy calls received, held or not. */
    public int copyCalls() {
        return copyCalls.get();
    }

    /** Objects actually copied into a channel (a copy of an object already there is skipped and not counted). */
    public int objectCopies() {
        return objectCopies.get();
    }

    /** Moves of {@code <channel>/<arch>-usr/<name>}. */
    public int pointerMoves(String channel, String arch, String name) {
        return pointerMoves.getOrDefault(channel + "/" + arch + "/" + name, new AtomicInteger()).get();
    }

    private void versions(HttpExchange exchange) throws IOException {
        try (exchange) {
            CreateVersionRequest body = JSON.readValue(exchange.getRequestBody(), CreateVersionRequest.class);
            send(exchange, versions.allocate(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        }
    }

    private void builds(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getPath().substring("/fake-build-runner/api/v1/builds".length());
            String method = exchange.getRequestMethod();
            if (rest.isEmpty() && method.equals("POST")) {
                send(exchange, builds.create(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        JSON.readValue(exchange.getRequestBody(), CreateBuildRequest.class)));
            } else if (rest.endsWith("/cancel") && method.equals("POST")) {
                send(exchange, builds.cancel(rest.substring(1, rest.length() - "/cancel".length()),
                        JSON.readValue(exchange.getRequestBody(), CancelBuildRequest.class)));
            } else if (method.equals("GET")) {
                send(exchange, builds.get(rest.substring(1)));
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void artifacts(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/fake-artifacts".length());
            String[] parts = path.split("/");
            String method = exchange.getRequestMethod();
            // /api/v1/channels/{channel}/{arch}/versions/{version} and /api/v1/channels/{channel}/{arch}/pointers/{name}
            if (path.startsWith("/api/v1/channels/") && parts.length == 8 && parts[6].equals("versions") && method.equals("PUT")) {
                json(exchange, 200, copy(parts[4], parts[5], parts[7]));
            } else if (path.startsWith("/api/v1/channels/") && parts.length == 8 && parts[6].equals("pointers")
                    && method.equals("PUT")) {
                Map<?, ?> body = JSON.readValue(exchange.getRequestBody(), Map.class);
                pointerMoves.computeIfAbsent(parts[4] + "/" + parts[5] + "/" + parts[7], k -> new AtomicInteger()).incrementAndGet();
                json(exchange, 200, Map.of("channel", parts[4], "arch", parts[5], "name", parts[7], "version", body.get("version")));
            } else if (path.startsWith("/api/v1/channel-files/") && method.equals("PUT")) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            } else if (path.startsWith("/cache/") && method.equals("GET")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private Map<String, Object> copy(String channel, String arch, String version) {
        copyCalls.incrementAndGet();
        CountDownLatch held = heldCopies;
        if (held != null) {
            try {
                held.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int copied = 0;
        for (String file : RELEASE_FILES) {
            if (channelObjects.add(channel + "/" + arch + "-usr/" + version + "/" + file)) {
                objectCopies.incrementAndGet();
                copied++;
            }
        }
        return Map.of("channel", channel, "arch", arch, "version", version, "copied", copied,
                "skipped", RELEASE_FILES.size() - copied, "files", RELEASE_FILES.stream()
                        .map(f -> Map.of("name", f, "size", 189, "sha256", SHA256)).toList());
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        if (response.getEntity() == null) {
            exchange.sendResponseHeaders(response.getStatus(), -1);
        } else {
            json(exchange, response.getStatus(), response.getEntity());
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releaseCopies();
        server.stop(0);
        threads.shutdownNow();
    }
}
