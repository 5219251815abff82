package dev.kiln.localstack.stack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A streaming {@code PUT} of a file over a plain socket that stops after a given number of bytes until the test
 * lets it go on: the test breaks something in between. The answer is read on the caller's thread, so a server that
 * answers before the body is complete (and stops reading) is still heard.
 */
final class PausingUpload implements AutoCloseable {

    private final Socket socket;
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resumed = new CountDownLatch(1);
    private final Thread writer;
    private volatile long written;
    private volatile IOException writeFailure;

    private PausingUpload(Socket socket, String head, Path file, long pauseAfter) {
        this.socket = socket;
        this.writer = Thread.ofPlatform().name("pausing-upload").daemon().start(() -> write(head, file, pauseAfter));
    }

    /** Starts sending {@code file} to {@code http://127.0.0.1:port + target}; pauses after {@code pauseAfter} bytes. */
    static PausingUpload start(int port, String target, String token, Path file, long pauseAfter) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
        String head = "PUT " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + Files.size(file) + "\r\n\r\n";
        return new PausingUpload(socket, head, file, pauseAfter);
    }

    void awaitPaused(Duration timeout) throws InterruptedException {
        if (!paused.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the upload did not reach its pause within " + timeout + " (" + written
                    + " bytes written" + (writeFailure == null ? "" : ", " + writeFailure) + ")");
        }
    }

    void resume() {
        resumed.countDown();
    }

    long written() {
        return written;
    }

    /** The server's answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    Answer answer() throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String status = line(in);
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private void write(String head, Path file, long pauseAfter) {
        try (InputStream body = Files.newInputStream(file)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[256 * 1024];
            for (int read = body.read(chunk); read > 0; read = body.read(chunk)) {
                if (written >= pauseAfter && paused.getCount() > 0) {
                    out.flush();
                    paused.countDown();
                    resumed.await();
                }
                out.write(chunk, 0, read);
                written += read;
            }
            out.flush();
        } catch (IOException e) {
            // the server may answer and stop reading before the body is complete: that is what the test looks at
            writeFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            paused.countDown();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of the answer's head: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        resumed.countDown();
        socket.close();
    }
}
