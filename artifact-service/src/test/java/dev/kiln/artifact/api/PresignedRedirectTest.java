package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.GeneratedBytes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With presigned redirects on, large downloads go straight to S3; small ones and HEAD stay in the service. */
@QuarkusTest
@TestProfile(PresignedRedirectTest.Redirecting.class)
class PresignedRedirectTest {

    /** Redirects files of 1 MiB and more. */
    public static class Redirecting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kiln.artifact.download.presigned-redirect", "true",
                    "kiln.artifact.download.presigned-min-size", "1M");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void redirectsLargeDownloadsToAWorkingPresignedUrl() throws Exception {
        String directory = "images/amd64/4803.0.0+nightly-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        byte[] large = GeneratedBytes.bytes(5, 2 * 1024 * 1024);
        CacheHttp http = new CacheHttp(base);
        http.put(directory + "large.bin", () -> new ByteArrayInputStream(large), large.length);
        http.put(directory + "small.txt", () -> new ByteArrayInputStream(new byte[] {'s'}), 1);

        Response redirect = given().redirects().follow(false).get("/cache/" + directory + "large.bin");

        assertThat(redirect.statusCode()).isEqualTo(307);
        HttpResponse<byte[]> fromS3 = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(redirect.header("Location"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fromS3.statusCode()).isEqualTo(200);
        assertThat(fromS3.body()).isEqualTo(large);
        given().redirects().follow(false).head("/cache/" + directory + "large.bin").then().statusCode(200);
        given().redirects().follow(false).get("/cache/" + directory + "small.txt").then().statusCode(200);
    }
}
