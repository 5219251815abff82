package dev.kiln.testing.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers as servers send them: sized on a connection kept open, chunked, to the end, or cut short. */
class RawHttpTest {

    private static final String REQUEST = "GET /api/v1/versions/4593.2.5 HTTP/1.1\r\nHost: kiln\r\n\r\n";

    private final ServerSocket server = newServer();
    private final List<Socket> kept = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket socket : kept) {
            socket.close();
        }
        server.close();
    }

    @Test
    void stopsAfterContentLengthBytesWhileTheServerKeepsTheConnectionOpen() throws Exception {
        String problem = "{\"type\":\"https://kiln.dev/problems/invalid-uri\"}";
        CompletableFuture<Void> answered = answerOnce("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
                + "Content-Length: " + problem.length() + "\r\n\r\n" + problem, false);

        RawHttp.Answer answer = RawHttp.send(server.getLocalPort(), REQUEST, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).isEqualTo(problem);
        answered.join();
    }

    @Test
    void joinsTheChunksOfAChunkedBody() throws Exception {
        answerOnce("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                + "5\r\namd64\r\n6;ext=1\r\n,arm64\r\n0\r\n\r\n", false);

        RawHttp.Answer answer = RawHttp.send(server.getLocalPort(), REQUEST, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("amd64,arm64");
    }

    @Test
    void readsToTheEndWithoutALengthAndKeepsWhatArrivedOfAShortBody() throws Exception {
        answerOnce("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nflatcar_production_image.bin.bz2", true);
        RawHttp.Answer unsized = new RawHttp(URI.create("http://127.0.0.1:" + server.getLocalPort())).send("GET", "/cache/x");
        answerOnce("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nversion.txt", true);
        RawHttp.Answer cutShort = RawHttp.send(server.getLocalPort(), REQUEST, null);

        assertThat(unsized.body()).isEqualTo("flatcar_production_image.bin.bz2");
        assertThat(cutShort.body()).isEqualTo("version.txt");
    }

    @Test
    void skipsAnInterimAnswerAndGivesNoBodyToAHead() throws Exception {
        answerOnce("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 189\r\nETag: \"v1\"\r\n\r\n", false);

        RawHttp.Answer answer = RawHttp.send(server.getLocalPort(), "HEAD /cache/x HTTP/1.1\r\nHost: kiln\r\n\r\n", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("etag")).isEqualTo("\"v1\"");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void answersMinusOneWhenTheHeadersNeverEnd() throws Exception {
        answerOnce("HTTP/1.1 200 OK\r\nContent-Le", true);

        RawHttp.Answer answer = RawHttp.send(server.getLocalPort(), REQUEST, null);

        assertThat(answer.status()).isEqualTo(-1);
        assertThat(answer.headers()).isEqualTo("HTTP/1.1 200 OK\r\nContent-Le");
    }

    /** Reads the request head, writes {@code answer}, then closes or (until the test ends) keeps the connection. */
    private CompletableFuture<Void> answerOnce(String answer, boolean closeAfter) {
        return CompletableFuture.runAsync(() -> {
            try {
                Socket socket = server.accept();
                readHead(socket.getInputStream());
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (closeAfter) {
                    socket.close();
                } else {
                    kept.add(socket);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void readHead(InputStream in) throws IOException {
        int seen = 0;
        for (int b; seen < 4 && (b = in.read()) != -1; ) {
            seen = b == "\r\n\r\n".charAt(seen) ? seen + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static ServerSocket newServer() {
        try {
            return new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
