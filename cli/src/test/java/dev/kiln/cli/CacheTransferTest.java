package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 MB up and down with sha256 checked. Surefire runs these tests with -Xmx48m: a client (or this fake) that held
 * the file in memory would die with an OutOfMemoryError, so passing proves the bytes stream.
 */
class CacheTransferTest {

    private static final long SIZE = 50L * 1024 * 1024;
    private static final String PATH = "images/amd64/4799.0.0+nightly-20260821-2100/flatcar_production_image.bin";

    @TempDir
    Path home;
    FakeKiln kiln;
    CliRun cli;
    Path file;
    String sha256;

    @BeforeEach
    void start() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("the heap must be too small for the file (pom: -Xmx48m)")
                .isLessThan(SIZE);
        kiln = new FakeKiln();
        cli = CliRun.against(home, kiln.url());
        file = home.resolve("image.bin");
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        sha256 = sha256(Files.newInputStream(file));
    }

    @AfterEach
    void stop() {
        kiln.close();
    }

    @Test
    void putStreamsTheFileWithItsSha256AndALengthAndShowsProgressOnATerminal() {
        String[] received = new String[3];
        kiln.on("PUT", "/cache/" + PATH, exchange -> {
            received[0] = exchange.getRequestHeaders().getFirst("X-Kiln-SHA256");
            received[1] = exchange.getRequestHeaders().getFirst("Content-Length");
            received[2] = sha256(exchange.getRequestBody());
            FakeKiln.reply(201, "application/json", """
                    {"path":"%s","size":%d,"sha256":"%s"}""".formatted(PATH, SIZE, received[2])).handle(exchange);
        });
        cli.terminal = true;
        CliRun.Result result = cli.run("cache", "put", file.toString(), "/" + PATH);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(received[0]).isEqualTo(sha256);
        assertThat(received[1]).isEqualTo(String.valueOf(SIZE));
        assertThat(received[2]).isEqualTo(sha256);
        assertThat(result.out()).contains(sha256);
        assertThat(result.err()).contains("put image.bin [", "100%", "50.0 MiB/50.0 MiB");
    }

    @Test
    void aDigestMismatchTheServiceRefusesIsExitFour() {
        kiln.on("PUT", "/cache/" + PATH, exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            FakeKiln.problem(422, "digest-mismatch", "Digest mismatch", "the body's sha256 differs").handle(exchange);
        });
        CliRun.Result result = cli.run("cache", "put", file.toString(), PATH);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("Digest mismatch");
    }

    @Test
    void getStreamsToTheFileAndChecksTheIndexedSha256() throws IOException {
        serveFile(sha256);
        Path target = home.resolve("downloaded.bin");
        CliRun.Result result = cli.run("cache", "get", PATH, target.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sha256(Files.newInputStream(target))).isEqualTo(sha256);
        assertThat(result.out()).contains("50.0 MiB", sha256, "matches the index");
    }

    @Test
    void aDownloadWhoseSha256DiffersLeavesNoFile() throws IOException {
        serveFile("0".repeat(64));
        Path target = home.resolve("downloaded.bin");
        CliRun.Result result = cli.run("cache", "get", PATH, target.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the index says " + "0".repeat(64));
        assertThat(target).doesNotExist();
        assertThat(home.resolve("downloaded.bin.part")).doesNotExist();
    }

    private void serveFile(String indexedSha256) {
        kiln.json("GET", "/api/v1/artifacts/" + PATH, 200, """
                {"path":"%s","size":%d,"sha256":"%s"}""".formatted(PATH, SIZE, indexedSha256));
        kiln.on("GET", "/cache/" + PATH, (HttpExchange exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, SIZE);
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        });
    }

    static String sha256(InputStream stream) throws IOException {
        try (DigestInputStream in = new DigestInputStream(stream, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
