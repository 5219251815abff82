package dev.kiln.k8s.bincache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for artifact-service's {@code /cache/<path>} contract: PUT with the upload token stores,
 * GET returns what was stored (or a listing naming the Accept header it got).
 */
final class FakeCache implements AutoCloseable {

    record Stored(byte[] body, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    FakeCache() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cache";
    }

    Map<String, Stored> stored() {
        return stored;
    }

    void put(String cachePath, String body) {
        stored.put(cachePath, new Stored(body.getBytes(StandardCharsets.UTF_8), null));
    }

    /** PUTs to this cache path answer 503. */
    void failUploadsTo(String cachePath) {
        failing.add(cachePath);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith("/cache/")) {
                respond(exchange, 404, "not under /cache/");
                return;
            }
            String cachePath = path.substring("/cache/".length());
            switch (exchange.getRequestMethod()) {
                case "PUT" -> upload(exchange, cachePath);
                case "GET" -> read(exchange, cachePath);
                default -> respond(exchange, 405, "method");
            }
        }
    }

    private void upload(HttpExchange exchange, String cachePath) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (failing.contains(cachePath)) {
            respond(exchange, 503, "storage unavailable");
            return;
        }
        stored.put(cachePath, new Stored(body, exchange.getRequestHeaders().getFirst("Authorization")));
        respond(exchange, 201, "");
    }

    private void read(HttpExchange exchange, String cachePath) throws IOException {
        Stored file = stored.get(cachePath);
        if (file != null) {
            respond(exchange, 200, file.body());
        } else if (cachePath.isEmpty() || cachePath.endsWith("/")) {
            respond(exchange, 200, "listing of " + cachePath + " as " + exchange.getRequestHeaders().getFirst("Accept"));
        } else {
            respond(exchange, 404, "no " + cachePath);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
