package dev.kiln.testing.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request byte for byte as given (NUL bytes, bad escapes, huge lines: no client library sends those)
 * with {@code Connection: close}, and reads the answer to the end.
 */
public final class RawHttp {

    /** The status, the header block and the (de-chunked) body of an answer. */
    public record Answer(int status, String headers, String body) {

        /** The first value of header {@code name} (any case), or empty. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst().orElse("");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} then {@code body} (may be null) to 127.0.0.1:{@code port}. */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
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
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a reset after the answer: keep what arrived
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return new Answer(-1, text, "");
        }
        String headers = text.substring(0, split);
        Answer raw = new Answer(Integer.parseInt(headers.substring(9, 12)), headers, text.substring(split + 4));
        return raw.header("Transfer-Encoding").equalsIgnoreCase("chunked")
                ? new Answer(raw.status(), headers, dechunk(raw.body())) : raw;
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
