package dev.kiln.version.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** The version API as a caller with a bearer token sees it. */
public final class Api {

    public static final String BUILDER = "test-builder-token";
    public static final String RELEASER = "test-releaser-token";
    public static final String ADMIN = "test-admin-token";
    public static final String VERSIONS = "/api/v1/versions";

    private Api() {
    }

    /** A request body; pairs of field name and value, nulls left out. */
    public static Map<String, Object> body(String... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return body;
    }

    public static ValidatableResponse allocate(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post(VERSIONS).then();
    }

    public static ValidatableResponse allocate(String token, String idempotencyKey, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON).body(body).post(VERSIONS).then();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
