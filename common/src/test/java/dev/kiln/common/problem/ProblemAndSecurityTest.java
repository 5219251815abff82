package dev.kiln.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemAndSecurityTest {

    @Test
    void callWithoutTokenIsChallengedWithAProblem() {
        given().contentType("application/json").body("{\"text\":\"x\"}")
                .post("/notes")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/unauthenticated"));
    }

    @Test
    void aDomainRefusalIsAProblemOfItsKindWithRetryAfter() {
        given().auth().oauth2("builder-token").contentType("application/json").body("{\"text\":\"locked:stable-4593.2.5\"}")
                .post("/notes")
                .then().statusCode(503)
                .header("Retry-After", equalTo("5"))
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/note-locked"))
                .body("title", equalTo("Service unavailable"))
                .body("detail", equalTo("'locked:stable-4593.2.5' is locked; retry later"));
    }

    @Test
    void unknownTokenIsRejected() {
        given().auth().oauth2("not-a-token").contentType("application/json").body("{\"text\":\"x\"}")
                .post("/notes")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void callerWithoutTheRoleIsForbidden() {
        given().auth().oauth2("viewer-token").contentType("application/json").body("{\"text\":\"x\"}")
                .post("/notes")
                .then().statusCode(403)
                .body("type", equalTo("https://kiln.dev/problems/forbidden"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        given().auth().oauth2("builder-token").contentType("application/json").body("{\"text\":")
                .post("/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/malformed-json"))
                .body("status", equalTo(400));
    }

    @Test
    void aBodyWithTrailingGarbageIsMalformedAndCreatesNothing() {
        String text = "trailing-" + UUID.randomUUID();

        given().auth().oauth2("builder-token").contentType("application/json").body("{\"text\":\"" + text + "\"} garbage")
                .post("/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/malformed-json"));

        org.assertj.core.api.Assertions.assertThat(notesWithText(text)).isZero();
    }

    @Test
    void aJsonBodyWithoutAContentTypeIsUnsupportedAndCreatesNothing() throws Exception {
        String text = "untyped-" + UUID.randomUUID();
        byte[] body = ("{\"text\":\"" + text + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + io.restassured.RestAssured.port + "/notes"))
                .header("Authorization", "Bearer builder-token")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(415);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> org.assertj.core.api.Assertions.assertThat(type).startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("https://kiln.dev/problems/unsupported-media-type");
        org.assertj.core.api.Assertions.assertThat(notesWithText(text)).isZero();
    }

    @Test
    void aKeyGivenTwiceIsMalformedAndCreatesNothing() {
        String text = "twice-" + UUID.randomUUID();

        given().auth().oauth2("builder-token").contentType("application/json")
                .body("{\"text\":\"first-" + text + "\",\"text\":\"" + text + "\"}")
                .post("/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/malformed-json"));

        org.assertj.core.api.Assertions.assertThat(notesWithText(text)).isZero();
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemNamingTheField() {
        for (String value : java.util.List.of("[\"a\"]", "{\"a\":1}")) {
            given().auth().oauth2("builder-token").contentType("application/json").body("{\"text\":" + value + "}")
                    .post("/notes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://kiln.dev/problems/malformed-json"))
                    .body("detail", org.hamcrest.Matchers.containsString("'text'"));
        }
    }

    @Test
    void aPageThatIsNoNumberOrTooFarIsAnInvalidPageProblem() {
        for (String query : java.util.List.of("page=abc", "size=12345678901234567890", "page=2147483647", "page=%00")) {
            given().get("/notes?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        }
    }

    private static long notesWithText(String text) {
        return given().get("/notes/count?text=" + text).then().statusCode(200).extract().jsonPath().getLong("count");
    }

    @Test
    void invalidFieldIsNamedInTheProblem() {
        given().auth().oauth2("builder-token").contentType("application/json").body("{\"text\":\"\"}")
                .post("/notes")
                .then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/validation"))
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void missingResourceIsANotFoundProblemWithItsOwnType() {
        given().get("/notes/987654321")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/note-not-found"))
                .body("instance", equalTo("/notes/987654321"));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void retriedCreateWithTheSameKeyReturnsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();

        int first = create(key, "once").then().statusCode(201).extract().jsonPath().getInt("id");
        int second = create(key, "once").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/notes/" + first)).extract().jsonPath().getInt("id");

        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
    }

    @Test
    void keyReusedForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        create(key, "first").then().statusCode(201);

        create(key, "second").then().statusCode(422)
                .body("type", equalTo("https://kiln.dev/problems/idempotency-key-reused"));
    }

    private static io.restassured.response.Response create(String key, String text) {
        return given().auth().oauth2("builder-token").header("Idempotency-Key", key).contentType("application/json")
                .body("{\"text\":\"" + text + "\"}").post("/notes");
    }
}
