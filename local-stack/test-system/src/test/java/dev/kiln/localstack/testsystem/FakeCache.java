package dev.kiln.localstack.testsystem;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A build cache on a loopback port that serves files put into it and answers 404 for others, like artifact-service. */
final class FakeCache implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    FakeCache() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** Puts {@code content} at {@code /cache/<path>} and, like artifact-service, its generated DIGESTS beside it. */
    void putWithDigests(String path, byte[] content) {
        put(path, content);
        String name = path.substring(path.lastIndexOf('/') + 1);
        put(path + ".DIGESTS", FlatcarDigestsTest.digestsFileOf(name, content).getBytes());
    }

    void put(String path, byte[] content) {
        files.put("/cache/" + path, content);
    }

    void remove(String path) {
        files.remove("/cache/" + path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cache/" + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
