package dev.kiln.testing.badinput;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 answer off a connection: the header block, then the body up to its Content-Length, to the end
 * of its chunks, or (with neither) to the end of the stream; whichever comes first if the server closes early. A
 * connection reset counts as the end: what arrived before it is the answer.
 */
final class AnswerReader {

    private final InputStream in;

    AnswerReader(InputStream in) {
        this.in = new ResetIsEnd(in);
    }

    /** The next final answer (interim 1xx answers skipped); {@code bodyless} for the answer to a HEAD request. */
    RawHttp.Answer read(boolean bodyless) throws IOException {
        while (true) {
            String head = headerBlock();
            if (!head.endsWith("\r\n\r\n")) {
                return new RawHttp.Answer(-1, head, "");
            }
            String headers = head.substring(0, head.length() - 4);
            int status = status(headers);
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            RawHttp.Answer answer = new RawHttp.Answer(status, headers, "");
            return new RawHttp.Answer(status, headers, bodyless || status == 204 || status == 304 ? "" : body(answer));
        }
    }

    /** The status line and headers up to and including the blank line, or whatever arrived before the end. */
    private String headerBlock() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0; // how much of CR LF CR LF has been seen
        for (int b; state < 4 && (b = in.read()) != -1; ) {
            head.write(b);
            state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String headers) {
        if (!headers.startsWith("HTTP/") || headers.length() < 12) {
            return -1;
        }
        try {
            return Integer.parseInt(headers.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String body(RawHttp.Answer answer) throws IOException {
        byte[] bytes;
        if (answer.header("Transfer-Encoding").equalsIgnoreCase("chunked")) {
            bytes = dechunked();
        } else if (answer.header("Content-Length").matches("[0-9]+")) {
            bytes = in.readNBytes(Integer.parseInt(answer.header("Content-Length")));
        } else {
            bytes = in.readAllBytes();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] dechunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int size = Integer.parseInt(line.split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(in.readNBytes(size));
            line();
        }
        return body.toByteArray();
    }

    /** The next line without its CR LF; empty at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A server may reset the connection right after its answer (having not read all of a request); that ends it. */
    private static final class ResetIsEnd extends FilterInputStream {

        ResetIsEnd(InputStream in) {
            super(new BufferedInputStream(in));
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SocketException reset) {
                return -1;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SocketException reset) {
                return -1;
            }
        }
    }
}
