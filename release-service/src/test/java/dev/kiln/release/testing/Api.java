package dev.kiln.release.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** The release API as callers with the test tokens of application.properties see it. */
public final class Api {

    public static final String TESTER = "test-tester-token";
    public static final String RELEASER = "test-releaser-token";
    public static final String RELEASER2 = "test-releaser2-token";
    public static final String BUILDER = "test-builder-token";
    public static final String PROBLEMS = "https://kiln.dev/problems/";

    private Api() {
    }

    /** Pairs of field name and value; nulls left out. */
    public static Map<String, Object> body(Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return body;
    }

    public static ValidatableResponse report(String token, String version, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/releases/" + version + "/test-reports").then();
    }

    public static ValidatableResponse decide(String token, String version, String decision, String comment) {
        return as(token).contentType(ContentType.JSON).body(body("decision", decision, "comment", comment))
                .post("/api/v1/releases/" + version + "/approvals").then();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
