package dev.kiln.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for all four services on one port of 127.0.0.1: routes by method and path, records every request. */
final class FakeKiln implements AutoCloseable {

    /** What a route does with an exchange; most routes just answer a fixed reply. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Handler>> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeKiln() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::dispatch);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers with each handler once, in order, and repeats the last one (for polls). */
    FakeKiln on(String method, String path, Handler... handlers) {
        routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(handlers));
        return this;
    }

    FakeKiln json(String method, String path, int status, String body) {
        return on(method, path, reply(status, "application/json", body));
    }

    static Handler reply(int status, String contentType, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        };
    }

    static Handler problem(int status, String slug, String title, String detail) {
        return reply(status, "application/problem+json", """
                {"type":"https://kiln.dev/problems/%s","title":"%s","status":%d,"detail":"%s","instance":"/x"}"""
                .formatted(slug, title, status, detail));
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    Request last(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).reduce((a, b) -> b).orElseThrow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Deque<Handler> handlers = routes.get(method + " " + path);
        // bodies of uploads are left for the route to stream; others are small JSON and recorded
        boolean streamed = method.equals("PUT");
        String body = streamed ? "" : new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        if (handlers == null || handlers.isEmpty()) {
            problem(404, "not-found", "Not Found", "no fake route for " + method + " " + path).handle(exchange);
            return;
        }
        Handler handler = handlers.size() > 1 ? handlers.poll() : handlers.peek();
        handler.handle(exchange);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
