package dev.kiln.artifact.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.Database;
import dev.kiln.testing.badinput.RawHttp;
import dev.kiln.artifact.support.S3Direct;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Traversal and malformed paths, sent byte for byte (like curl --path-as-is), get 400 and touch nothing. */
@QuarkusTest
class PathSafetyTest {

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/cache/../etc/passwd",
        "/cache/images/../../etc/passwd",
        "/cache/images/amd64/../../../x",
        "/cache/images/%2e%2e/%2e%2e/x",
        "/cache/images/%2E%2E%2Fx",
        "/cache/images/./x",
        "/cache/images/%2e/x",
        "/cache//etc/passwd",
        "/cache/images//x",
        "/cache/images/a%5Cb",
        "/cache/images/%00x",
        "/cache/images/x%0Ay",
        "/cache/images/%7F",
        "/cache/images/%C3%28",
        "/cache/images/x%20y",
        "/api/v1/artifacts/images/../x",
    })
    void refusesWithProblemJsonAndTouchesNothing(String target) {
        Set<String> before = S3Direct.keys("");
        List<String> indexed = Database.column("select path from artifact order by path");

        for (String method : List.of("GET", "HEAD", "PUT")) {
            RawHttp.Answer answer = new RawHttp(base).send(method, target, "hello".getBytes(),
                    "Authorization: Bearer " + CacheHttp.BUILDER_TOKEN, "Content-Length: 5");

            assertThat(answer.status()).as(method + " " + target).isEqualTo(400);
            if (!method.equals("HEAD")) {
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.body()).contains("\"type\":\"https://kiln.dev/problems/invalid-path\"");
            }
        }
        assertThat(S3Direct.keys("")).isEqualTo(before);
        assertThat(Database.column("select path from artifact order by path")).isEqualTo(indexed);
    }

    /** Not even a valid request target: the cache's path check refuses it as a problem, and nothing is written. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/cache/images/%", "/cache/images/%zz"})
    void refusesMalformedPercentEncodingAndTouchesNothing(String target) {
        Set<String> before = S3Direct.keys("");

        RawHttp.Answer answer = new RawHttp(base).send("PUT", target, "hello".getBytes(),
                "Authorization: Bearer " + CacheHttp.BUILDER_TOKEN, "Content-Length: 5");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("https://kiln.dev/problems/invalid-path");
        assertThat(S3Direct.keys("")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {1025, 3000})
    void refusesKeysLongerThanS3Allows(int length) {
        String target = "/cache/" + "a/".repeat(length / 2) + "x";

        RawHttp.Answer answer = new RawHttp(base).send("PUT", target, "Authorization: Bearer " + CacheHttp.BUILDER_TOKEN,
                "Content-Length: 0");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("longer than 1024 bytes");
    }
}
