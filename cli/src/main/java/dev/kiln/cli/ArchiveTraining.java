package dev.kiln.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The run the ./kiln launcher records its class-data sharing archive from (-XX:ArchiveClassesAtExit). The archive
 * only holds classes this run loads, so it goes through what real commands go through: the full command tree,
 * help, the config file, an HTTP call to a local server, JSON, YAML and table output. Nothing is printed.
 */
public final class ArchiveTraining {

    private static final String PARSED = "{\"input\":\"stable-4593.2.5\",\"tag\":\"stable-4593.2.5\",\"major\":4593,"
            + "\"buildId\":null,\"official\":true,\"steps\":[{\"run\":\"a\",\"state\":\"running\",\"attempt\":1,"
            + "\"startedAt\":\"2026-08-21T21:00:01Z\",\"finishedAt\":null}]}";

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PARSED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path home = Files.createTempDirectory("kiln-training");
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> env = Map.of("HOME", home.toString(), "KILN_CONFIG", home.resolve("config").toString());
            run(env, "config", "set-context", "training", "--version-service", url, "--build-runner", url,
                    "--artifact-service", url, "--release-service", url);
            run(env, "--help");
            run(env, "build", "start", "--help");
            run(env, "version", "parse", "stable-4593.2.5");
            run(env, "version", "show", "stable-4593.2.5", "-o", "yaml");
            run(env, "build", "show", "b1", "-o", "json");
            run(env, "build", "show", "b1");
            run(env, "release", "gates", "4593.2.5");
            run(env, "channel", "show", "stable");
            run(env, "promotion", "show", "p1", "-o", "yaml");
            run(env, "config", "get-contexts");
            run(env, "completion", "bash");
        } finally {
            server.stop(0);
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Map<String, String> env, String... args) {
        Kiln.run(new Cli(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), env, false, false), args);
    }
}
