package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.FlatcarRelease;
import dev.kiln.testing.badinput.RawHttp;
import dev.kiln.artifact.support.S3Direct;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step tokens end to end: build-runner's service token issues one for a build's directories; the token writes
 * there and nowhere else, reaches no admin API, and stops working when revoked or expired. Every refusal is a
 * problem+json and leaves the bucket as it was.
 */
@QuarkusTest
class StepTokenTest {

    private static final String SERVICE = "test-service-token";
    private static final String BUILDER = "test-builder-token";
    /** One version for the whole table; {@code <V>0} is its neighbour that a plain string prefix would admit. */
    private static final String V = FlatcarRelease.freshVersion(4593, 2);
    private static final String BUILD = freshBuildId();
    private static String token;

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "PUT    | /cache/images/amd64/<V>/version.txt                        | 201 |                          | images/amd64/<V>/",
        "PUT    | /cache/build-logs/<V>/image-amd64.log                      | 201 |                          | build-logs/<V>/",
        "PUT    | /cache/images/amd64/<V>0/version.txt                       | 403 | outside-step-token-scope | images/amd64/<V>0/",
        "PUT    | /cache/images/arm64/<V>/version.txt                        | 403 | outside-step-token-scope | images/arm64/<V>/",
        "PUT    | /cache/boards/amd64-usr/<V>/pkgs/Packages                  | 403 | outside-step-token-scope | boards/amd64-usr/<V>/",
        "PUT    | /cache/stable/amd64-usr/<V>/version.txt                    | 403 | outside-step-token-scope | stable/amd64-usr/<V>/",
        "PUT    | /cache/images/amd64/<V>/../<V>0/version.txt                | 400 | invalid-path             | images/amd64/<V>0/",
        "PUT    | /cache/images/amd64/<V>/%2e%2e/<V>0/version.txt            | 400 | invalid-path             | images/amd64/<V>0/",
        "PUT    | /cache/images/amd64/<V>/..%2f<V>0/version.txt              | 400 | invalid-path             | images/amd64/<V>0/",
        "POST   | /api/v1/gc/runs                                            | 403 | forbidden                | images/amd64/<V>/",
        "POST   | /api/v1/gc/plan                                            | 403 | forbidden                | images/amd64/<V>/",
        "PUT    | /api/v1/channels/stable/amd64/versions/<V>                 | 403 | forbidden                | stable/amd64-usr/<V>/",
        "PUT    | /api/v1/channel-files/releases/releases.json               | 403 | forbidden                | releases/",
        "POST   | /api/v1/step-tokens                                        | 403 | forbidden                | images/amd64/<V>/",
        "DELETE | /api/v1/step-tokens/builds/<BUILD>                         | 403 | forbidden                | images/amd64/<V>/",
        "GET    | /api/v1/step-tokens/live-builds                            | 403 | forbidden                | images/amd64/<V>/",
    })
    void aStepTokenWritesItsBuildsDirectoriesAndNothingElse(String method, String target, int status, String slug,
            String watched) {
        String path = target.replace("<V>", V).replace("<BUILD>", BUILD);
        String watchedPrefix = watched.replace("<V>", V);
        TreeSet<String> before = S3Direct.keys(watchedPrefix);
        byte[] body = ("kiln step-token test " + path).getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = new RawHttp(base).send(method, path, body, "Authorization: Bearer " + liveToken(),
                "Content-Type: " + (path.startsWith("/api/") ? "application/json" : "text/plain"),
                "Content-Length: " + body.length);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("/problems/" + slug);
            assertThat(S3Direct.keys(watchedPrefix)).isEqualTo(before);
        } else {
            assertThat(S3Direct.keys(watchedPrefix)).contains(path.substring("/cache/".length()));
        }
    }

    @Test
    void issuingNormalisesThePrefixesAndKeepsOnlyTheTokensHash() {
        String build = freshBuildId();

        Response issued = issue(build, List.of("images/amd64/" + V, "images/amd64/" + V + "/sub/", "containers/" + V
                .replace('.', '.') + "/"), Instant.now().plus(Duration.ofHours(1)));

        issued.then().statusCode(201).body("buildId", equalTo(build))
                .body("prefixes", contains("containers/" + V + "/", "images/amd64/" + V + "/"))
                .body("token", startsWith("kiln-step."));
        String secret = issued.jsonPath().getString("token");
        List<String> stored = Database.column("select token_sha256 || ' ' || prefixes || ' ' || build_id from step_token"
                + " where build_id = ?", build);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).doesNotContain(secret).doesNotContain(secret.substring("kiln-step.".length()));
        given().auth().oauth2(SERVICE).get("/api/v1/step-tokens/live-builds").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasItem(build));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a whole area             | images/                          | 3600   | k3xq9d2m7a | 400 | invalid-step-token-prefix",
        "the root                 | ''                               | 3600   | k3xq9d2m7a | 400 | invalid-step-token-prefix",
        "a traversal              | images/amd64/4593.2.5/../../sdk/ | 3600   | k3xq9d2m7a | 400 | invalid-step-token-prefix",
        "a channel directory      | stable/amd64-usr/4593.2.5/       | 3600   | k3xq9d2m7a | 400 | invalid-step-token-prefix",
        "an absolute path         | /images/amd64/4593.2.5/          | 3600   | k3xq9d2m7a | 400 | invalid-step-token-prefix",
        "an expiry in the past    | images/amd64/4593.2.5/           | -60    | k3xq9d2m7a | 400 | invalid-step-token-expiry",
        "an expiry past the limit | images/amd64/4593.2.5/           | 864000 | k3xq9d2m7a | 400 | invalid-step-token-expiry",
        "a build id with a space  | images/amd64/4593.2.5/           | 3600   | k3xq 9d2m7 | 400 | invalid-build-id",
    })
    void aTokenForTooMuchIsNotIssued(String what, String prefix, long seconds, String build, int status, String slug) {
        issue(build, List.of(prefix), Instant.now().plusSeconds(seconds)).then().statusCode(status)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/" + slug));
        assertThat(Database.column("select id from step_token where build_id = ?", build)).isEmpty();
    }

    @Test
    void onlyTheServiceTokenOrAnAdminIssuesTokens() {
        Map<String, Object> body = Map.of("buildId", freshBuildId(), "prefixes", List.of("images/amd64/" + V + "/"),
                "expiresAt", Instant.now().plusSeconds(600).toString());

        given().auth().oauth2(BUILDER).contentType(ContentType.JSON).body(body).post("/api/v1/step-tokens")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/step-tokens")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON).body(body).post("/api/v1/step-tokens")
                .then().statusCode(201);
    }

    @Test
    void aRevokedTokenWritesNothingAndRevokingAgainIsANoOp() {
        String build = freshBuildId();
        String secret = issue(build, List.of("images/amd64/" + V + "/"), Instant.now().plusSeconds(3600))
                .then().statusCode(201).extract().path("token");
        put(secret, "images/amd64/" + V + "/before-revoke.txt").then().statusCode(201);

        given().auth().oauth2(SERVICE).delete("/api/v1/step-tokens/builds/" + build).then().statusCode(200)
                .body("revoked", equalTo(1));
        given().auth().oauth2(SERVICE).delete("/api/v1/step-tokens/builds/" + build).then().statusCode(200)
                .body("revoked", equalTo(0));

        put(secret, "images/amd64/" + V + "/after-revoke.txt").then().statusCode(403)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/step-token-revoked"));
        assertThat(S3Direct.keys("images/amd64/" + V + "/")).doesNotContain("images/amd64/" + V + "/after-revoke.txt");
        given().auth().oauth2(SERVICE).get("/api/v1/step-tokens/live-builds").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(build)));
    }

    @Test
    void anExpiredTokenWritesNothing() {
        String build = freshBuildId();
        // long enough to reach the service on a loaded machine
        Instant expiresAt = Instant.now().plusSeconds(15);
        String secret = issue(build, List.of("images/arm64/" + V + "/"), expiresAt)
                .then().statusCode(201).extract().path("token");
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(1)));

        put(secret, "images/arm64/" + V + "/after-expiry.txt").then().statusCode(403)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/step-token-expired"));

        assertThat(S3Direct.keys("images/arm64/" + V + "/")).doesNotContain("images/arm64/" + V + "/after-expiry.txt");
    }

    @Test
    void anUnknownStepTokenIsUnauthenticated() {
        put("kiln-step.never-issued", "images/amd64/" + V + "/unknown.txt").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static String liveToken() {
        if (token == null) {
            token = issue(BUILD, List.of("images/amd64/" + V + "/", "build-logs/" + V + "/"),
                    Instant.now().plus(Duration.ofHours(1))).then().statusCode(201).extract().path("token");
        }
        return token;
    }

    private static Response issue(String build, List<String> prefixes, Instant expiresAt) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("buildId", build, "prefixes", prefixes, "expiresAt", expiresAt.toString()))
                .post("/api/v1/step-tokens");
    }

    private static Response put(String bearer, String path) {
        return given().auth().oauth2(bearer).contentType("text/plain").body("kiln " + path).put("/cache/" + path);
    }

    private static String freshBuildId() {
        return "t" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }
}
