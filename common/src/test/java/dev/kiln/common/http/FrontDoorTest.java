package dev.kiln.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.badinput.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests Vert.x used to refuse with an empty body (issue 13 item 7) now get problem+json with a stable type.
 * Sent over a raw socket: no HTTP client sends a NUL byte or a bad escape on purpose.
 */
@QuarkusTest
class FrontDoorTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBadPercentEscapeIsAnInvalidUriProblem() throws Exception {
        // a '%' not followed by two hex digits makes the target no URI: Quarkus refuses that with an empty 400 before
        // any route unless vertx.disableURIValidation is set, as it is wherever a service runs (the images, kiln-local,
        // the tests' JVMs), so that the front door answers it
        for (String target : java.util.List.of("/notes?page=%zz", "/notes/%zz", "/notes/4593.2.5%2")) {
            RawHttp.Answer answer = get(target);

            assertProblem(answer, 400, "invalid-uri");
            assertThat(answer.body()).as(target).contains("not followed by two hex digits");
        }
    }

    @Test
    void aRawNulInTheRequestLineIsAnInvalidUriProblem() throws Exception {
        assertProblem(get("/notes?page=0\u0000"), 400, "invalid-uri");
    }

    @Test
    void anEscapedNulInThePathIsAnInvalidUriProblem() throws Exception {
        assertProblem(get("/notes/a%00b"), 400, "invalid-uri");
    }

    @Test
    void anEscapedNulInTheQueryIsAnInvalidUriProblem() throws Exception {
        assertProblem(get("/notes?page=0%00"), 400, "invalid-uri");
    }

    @Test
    void anOverlongUtf8SlashIsAnInvalidUriProblem() throws Exception {
        assertProblem(get("/notes/..%C0%AF..%C0%AFetc"), 400, "invalid-uri");
    }

    @Test
    void aLongQueryIsAUriTooLongProblem() throws Exception {
        assertProblem(get("/notes?page=0&x=" + "a".repeat(5000)), 414, "uri-too-long");
    }

    @Test
    void hugeHeadersAreAHeadersTooLargeProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), "GET /notes HTTP/1.1\r\nHost: kiln\r\nX-Padding: " + "a".repeat(30_000)
                + "\r\n\r\n", null);

        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void aBodyOverTheLimitIsABodyTooLargeProblemBeforeAnyByteIsRead() throws Exception {
        byte[] body = new byte[20 * 1024 * 1024];

        RawHttp.Answer answer = RawHttp.send(port(), "POST /notes HTTP/1.1\r\nHost: kiln\r\nAuthorization: Bearer builder-token\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        assertProblem(answer, 413, "body-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithABare413ByRestEasysInputStream() throws Exception {
        // the documented limit of this design: with no Content-Length the size is only known while RESTEasy Reactive
        // reads the body, and its input stream ends the response itself (413, empty, connection closed)
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunk(chunked, "{\"text\":\"");
        byte[] letters = "a".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 12; i++) {
            chunk(chunked, letters);
        }
        chunk(chunked, "\"}");
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Answer answer = RawHttp.send(port(), "POST /notes HTTP/1.1\r\nHost: kiln\r\nAuthorization: Bearer builder-token\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.toByteArray());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.headers().toLowerCase()).contains("connection: close");
    }

    @Test
    void aPageThatIsNoNumberIsAnInvalidPageProblem() throws Exception {
        assertProblem(get("/notes?page=abc"), 400, "invalid-page");
        assertProblem(get("/notes?size=12345678901234567890"), 400, "invalid-page");
    }

    @Test
    void aRouteFailureWithABareStatusIsAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), "GET /notes HTTP/1.1\r\n\r\n", null);

        assertProblem(answer, 400, "bad-request");
        assertThat(answer.body()).contains("'Host' header is required");
    }

    @Test
    void anOrdinaryRequestStillPasses() throws Exception {
        assertThat(get("/notes?page=1&size=20").status()).isEqualTo(200);
    }

    @Test
    void beyondTheCodecsOwnLimitVertxAnswersABare414AndClosesTheConnection() throws Exception {
        // the documented limit of this design: Vert.x refuses a request line over 64 KiB before any Quarkus code runs
        RawHttp.Answer answer = get("/notes?x=" + "a".repeat(70_000));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.body()).isEmpty();
    }

    private RawHttp.Answer get(String target) throws Exception {
        return RawHttp.send(port(), "GET " + target + " HTTP/1.1\r\nHost: kiln\r\n\r\n", null);
    }

    private int port() {
        return base.getPort();
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.headers()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://kiln.dev/problems/" + slug + "\"")
                .contains("\"status\":" + status);
    }

    private static void chunk(ByteArrayOutputStream out, String text) {
        chunk(out, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void chunk(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
