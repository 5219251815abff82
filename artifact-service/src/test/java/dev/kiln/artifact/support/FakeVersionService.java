package dev.kiln.artifact.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.clients.ServiceTokenHeaders;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * version-service as its documented contract (issue 3) describes it, in miniature: {@code GET /api/v1/versions}
 * pages the known versions, {@code DELETE /api/v1/versions/{tag}} removes a dev tag (404 when unknown, 409 for
 * an official one). Tests set the versions and can make deletions fail or hold them until released.
 */
public class FakeVersionService implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_TOKEN = "test-service-token";

    /** One version as the list endpoint returns it. */
    public record Version(String tag, String version, boolean official, Instant createdAt) {
    }

    private static final Map<String, Version> VERSIONS = new ConcurrentHashMap<>();
    private static final List<String> DELETED = new CopyOnWriteArrayList<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILING_DELETES = new AtomicInteger();
    private static final AtomicInteger LIST_CALLS = new AtomicInteger();
    private static final AtomicReference<Hold> HOLD = new AtomicReference<>();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/versions", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.version-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                ServiceTokenHeaders.TOKEN_KEY, SERVICE_TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static void reset(List<Version> versions) {
        releaseDeletes();
        VERSIONS.clear();
        versions.forEach(v -> VERSIONS.put(v.tag(), v));
        DELETED.clear();
        AUTHORIZATIONS.clear();
        FAILING_DELETES.set(0);
        LIST_CALLS.set(0);
    }

    /** The next {@code count} deletions answer 500. */
    public static void failNextDeletes(int count) {
        FAILING_DELETES.set(count);
    }

    /** The next deletion waits, once it arrived, until {@link #releaseDeletes()}. */
    public static void holdNextDelete() {
        HOLD.set(new Hold(new CountDownLatch(1), new CountDownLatch(1)));
    }

    /** Whether the held deletion arrived within a minute. */
    public static boolean awaitHeldDelete() throws InterruptedException {
        return HOLD.get().arrived().await(1, TimeUnit.MINUTES);
    }

    public static void releaseDeletes() {
        Hold hold = HOLD.getAndSet(null);
        if (hold != null) {
            hold.released().countDown();
        }
    }

    public static List<String> deleted() {
        return List.copyOf(DELETED);
    }

    public static List<String> authorizations() {
        return List.copyOf(AUTHORIZATIONS);
    }

    public static int listCalls() {
        return LIST_CALLS.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/api/v1/versions")) {
                list(exchange);
            } else if ("DELETE".equals(exchange.getRequestMethod()) && path.startsWith("/api/v1/versions/")) {
                delete(exchange, URLDecoder.decode(path.substring("/api/v1/versions/".length()), StandardCharsets.UTF_8));
            } else {
                respond(exchange, 404, Map.of("status", 404));
            }
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        LIST_CALLS.incrementAndGet();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        List<Version> all = new ArrayList<>(VERSIONS.values());
        all.sort(Comparator.comparing(Version::tag));
        List<Version> items = all.stream().skip((long) page * size).limit(size).toList();
        respond(exchange, 200, Map.of("items", items, "page", page, "size", size, "total", all.size()));
    }

    private void delete(HttpExchange exchange, String tag) throws IOException {
        waitIfHeld();
        if (FAILING_DELETES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 500, Map.of("status", 500, "title", "Internal error"));
            return;
        }
        Version version = VERSIONS.get(tag);
        if (version == null) {
            respond(exchange, 404, Map.of("status", 404, "title", "Not found"));
        } else if (version.official()) {
            respond(exchange, 409, Map.of("status", 409, "title", "Conflict"));
        } else {
            VERSIONS.remove(tag);
            DELETED.add(tag);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static void waitIfHeld() {
        Hold hold = HOLD.get();
        if (hold == null) {
            return;
        }
        hold.arrived().countDown();
        try {
            hold.released().await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A held deletion: counted down when it arrives, and by the test to let it go on. */
    private record Hold(CountDownLatch arrived, CountDownLatch released) {
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
