package dev.kiln.artifact.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what no client library sends as written: request targets with
 * {@code ..} or raw bytes (like {@code curl --path-as-is}), and bodies cut off mid-stream.
 */
public final class RawHttp {

    private final URI base;

    public RawHttp(URI base) {
        this.base = base;
    }

    /** Status code and the whole response text of a request sent exactly as given (Connection: close). */
    public record Answer(int status, String text) {
    }

    public Answer send(String method, String target, String... headers) {
        return send(method, target, new byte[0], headers);
    }

    /** The same with a body; the caller sets Content-Length among the headers. */
    public Answer send(String method, String target, byte[] body, String... headers) {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a PUT that announces {@code declared} bytes, sends {@code sent} of them from {@code body}, then
     * closes the connection without reading an answer, like a client that dies mid-upload.
     */
    public void abandonUpload(String target, long declared, InputStream body, long sent, String... headers) {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            String[] all = new String[headers.length + 1];
            System.arraycopy(headers, 0, all, 0, headers.length);
            all[headers.length] = "Content-Length: " + declared;
            out.write(head("PUT", target, all).getBytes(StandardCharsets.ISO_8859_1));
            byte[] buffer = new byte[64 * 1024];
            long remaining = sent;
            while (remaining > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                out.write(buffer, 0, n);
                remaining -= n;
            }
            out.flush();
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a PUT that announces {@code declared} bytes and sends none yet: the caller sends the body in pieces
     * and reads the answer, so a test can act while the upload is in progress.
     */
    public OpenUpload startUpload(String target, long declared, String... headers) {
        try {
            Socket socket = open();
            String[] all = new String[headers.length + 1];
            System.arraycopy(headers, 0, all, 0, headers.length);
            all[headers.length] = "Content-Length: " + declared;
            socket.getOutputStream().write(head("PUT", target, all).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new OpenUpload(socket);
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
                throw new IllegalStateException(e);
            }
        }

        /** Sends the last bytes and reads the answer. */
        public Answer finish(byte[] bytes) {
            send(bytes);
            try {
                return read(socket.getInputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    private String head(String method, String target, String... headers) {
        StringBuilder out = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (String header : headers) {
            out.append(header).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int status = text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
        return new Answer(status, text);
    }
}
