package dev.kiln.testing.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what no client library sends as written: NUL bytes, bad escapes, huge lines,
 * request targets with {@code ..} (like {@code curl --path-as-is}), bodies cut off mid-stream. Either a whole request
 * head given byte for byte ({@link #send(int, String, byte[])}), or a method, target and headers sent to a base URI
 * with {@code Connection: close}. An answer is read up to its Content-Length, the end of its chunks, or the end of
 * the connection.
 */
public final class RawHttp {

    /** The status (-1 if no whole header block arrived), the header block and the (de-chunked) body of an answer. */
    public record Answer(int status, String headers, String body) {

        /** The first value of header {@code name} (any case), or empty. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst().orElse("");
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private final URI base;

    /** A client for requests to {@code base}'s host and port. */
    public RawHttp(URI base) {
        this.base = base;
    }

    /** Sends {@code head} then {@code body} (may be null) to 127.0.0.1:{@code port} and reads the answer. */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        return exchange("127.0.0.1", port, head, body);
    }

    private static Answer exchange(String host, int port, String head, byte[] body) throws IOException {
        try (Socket socket = open(host, port)) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (SocketException closedEarly) {
                // the server may answer and close before it read everything; the answer is still there
            }
            return new AnswerReader(socket.getInputStream()).read(head.startsWith("HEAD "));
        }
    }

    /** {@code method target} with {@code headers} (each {@code Name: value}) and no body. */
    public Answer send(String method, String target, String... headers) {
        return send(method, target, new byte[0], headers);
    }

    /** The same with a body; the caller sets Content-Length among the headers. */
    public Answer send(String method, String target, byte[] body, String... headers) {
        try {
            return exchange(base.getHost(), base.getPort(), head(method, target, headers), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a PUT that announces {@code declared} bytes, sends {@code sent} of them from {@code body}, then closes
     * the connection with a reset, without reading an answer, like a client that dies mid-upload.
     */
    public void abandonUpload(String target, long declared, InputStream body, long sent, String... headers) {
        try (Socket socket = open(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", target, withLength(headers, declared)).getBytes(StandardCharsets.ISO_8859_1));
            byte[] buffer = new byte[64 * 1024];
            for (long remaining = sent; remaining > 0; ) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
            out.flush();
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a PUT that announces {@code declared} bytes and sends none yet: the caller sends the body in pieces and
     * reads the answer, so a test can act while the upload is in progress.
     */
    public OpenUpload startUpload(String target, long declared, String... headers) {
        try {
            Socket socket = open(base.getHost(), base.getPort());
            socket.getOutputStream().write(head("PUT", target, withLength(headers, declared))
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new OpenUpload(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upload whose body is still being sent. */
    public static final class OpenUpload implements AutoCloseable {

        private final Socket socket;

        private OpenUpload(Socket socket) {
            this.socket = socket;
        }

        public void send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends the last bytes and reads the answer. */
        public Answer finish(byte[] bytes) {
            send(bytes);
            try {
                return new AnswerReader(socket.getInputStream()).read(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Socket open(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private String head(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static String[] withLength(String[] headers, long declared) {
        String[] all = Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Content-Length: " + declared;
        return all;
    }
}
