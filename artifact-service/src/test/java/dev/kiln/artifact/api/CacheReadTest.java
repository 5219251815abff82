package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.GeneratedBytes;
import dev.kiln.testing.badinput.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads as Flatcar's scripts make them (curl GET/HEAD, ranges, listings) against the real S3 server. */
@QuarkusTest
class CacheReadTest {

    private static final int SIZE = 6 * 1024 * 1024 + 17;
    private static final byte[] CONTENT = GeneratedBytes.bytes(9, SIZE);
    private static final String VERSION = "4790.0.0+nightly-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DIRECTORY = "images/amd64/" + VERSION + "/";
    private static final String IMAGE = DIRECTORY + "flatcar_production_image.bin.bz2";
    private static boolean seeded;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void seedOnce() {
        if (!seeded) {
            CacheHttp http = new CacheHttp(base);
            assertThat(http.put(IMAGE, () -> new ByteArrayInputStream(CONTENT), SIZE).statusCode()).isEqualTo(201);
            for (String name : List.of("oem-azure.raw", "oem-azure.raw.sig", "flatcar-nvidia-drivers-550.raw")) {
                http.put(DIRECTORY + name, () -> new ByteArrayInputStream(name.getBytes()), name.length());
            }
            http.put(DIRECTORY + "_kola_temp/qemu-1/journal.txt", () -> new ByteArrayInputStream(new byte[] {'j'}), 1);
            seeded = true;
        }
    }

    @Test
    void headAnswersWithLengthValidatorsAndRangeSupportButNoBody() {
        Response head = given().head("/cache/" + IMAGE);

        head.then().statusCode(200).header("Content-Length", String.valueOf(SIZE)).header("Accept-Ranges", "bytes")
                .header("ETag", startsWith("\"")).header("Last-Modified", containsString(" GMT"))
                .body(emptyString());
        given().head("/cache/" + DIRECTORY + "missing.bin").then().statusCode(404);
    }

    @Test
    void getServesTheWholeFileWithTheSameValidators() {
        Response get = given().get("/cache/" + IMAGE);

        get.then().statusCode(200).header("Content-Length", String.valueOf(SIZE))
                .header("ETag", given().head("/cache/" + IMAGE).header("ETag"));
        assertThat(get.asByteArray()).isEqualTo(CONTENT);
    }

    @ParameterizedTest(name = "Range: {0}")
    @CsvSource({
        "bytes=0-9, 0, 9",
        "bytes=6291456-, 6291456, 6291472",
        "bytes=-17, 6291456, 6291472",
        "bytes=-99999999, 0, 6291472",
        "bytes=5242870-5242889, 5242870, 5242889",
        "bytes=6291470-9999999999, 6291470, 6291472",
    })
    void servesByteRangesWith206(String range, int first, int last) {
        Response partial = given().header("Range", range).get("/cache/" + IMAGE);

        partial.then().statusCode(206).header("Content-Range", "bytes " + first + "-" + last + "/" + SIZE)
                .header("Content-Length", String.valueOf(last - first + 1));
        assertThat(partial.asByteArray()).isEqualTo(Arrays.copyOfRange(CONTENT, first, last + 1));
    }

    @ParameterizedTest(name = "Range: {0}")
    @CsvSource({"bytes=6291473-", "bytes=99999999-99999999", "bytes=-0"})
    void answers416WhenNoByteIsInRange(String range) {
        given().header("Range", range).get("/cache/" + IMAGE).then().statusCode(416)
                .header("Content-Range", "bytes */" + SIZE);
    }

    @Test
    void ignoresRangesItNeedNotHonour() {
        given().header("Range", "bytes=0-1,4-5").get("/cache/" + IMAGE).then().statusCode(200)
                .header("Content-Length", String.valueOf(SIZE));
        given().header("Range", "bytes=0-9").header("If-Range", "\"another-version\"").get("/cache/" + IMAGE)
                .then().statusCode(200).header("Content-Length", String.valueOf(SIZE));
    }

    @Test
    void answersConditionalRequestsWith304() {
        Response head = given().head("/cache/" + IMAGE);

        given().header("If-None-Match", head.header("ETag")).get("/cache/" + IMAGE).then().statusCode(304)
                .header("ETag", head.header("ETag"));
        given().header("If-Modified-Since", head.header("Last-Modified")).get("/cache/" + IMAGE).then()
                .statusCode(304);
        given().header("If-None-Match", "\"stale\"").head("/cache/" + IMAGE).then().statusCode(200);
    }

    @Test
    void listsADirectoryAsNginxJsonForCurlWithAcceptJson() throws Exception {
        RawHttp.Answer answer = new RawHttp(base).send("GET", "/cache/" + DIRECTORY, "User-Agent: curl/8.5.0",
                "Accept: application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode listing = new ObjectMapper().readTree(answer.body());
        // download_payloads: jq -r ".[].name" | grep -P '^(oem|flatcar)-.*raw(.sig)?$'
        List<String> names = StreamSupport.stream(listing.spliterator(), false).map(e -> e.get("name").asText())
                .toList();
        assertThat(names).containsExactly("_kola_temp", "flatcar-nvidia-drivers-550.raw",
                "flatcar-nvidia-drivers-550.raw.DIGESTS", "flatcar_production_image.bin.bz2",
                "flatcar_production_image.bin.bz2.DIGESTS", "oem-azure.raw", "oem-azure.raw.DIGESTS",
                "oem-azure.raw.sig");
        assertThat(names.stream().filter(n -> n.matches("^(oem|flatcar)-.*raw(.sig)?$")))
                .containsExactly("flatcar-nvidia-drivers-550.raw", "oem-azure.raw", "oem-azure.raw.sig");
        JsonNode image = listing.get(3);
        assertThat(image.get("type").asText()).isEqualTo("file");
        assertThat(image.get("size").asLong()).isEqualTo(SIZE);
        assertThat(image.get("mtime").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(listing.get(0).get("type").asText()).isEqualTo("directory");
        assertThat(listing.get(0).has("size")).isFalse();
    }

    @Test
    void listsADirectoryAsHtmlForCurlByDefault() {
        RawHttp.Answer answer = new RawHttp(base).send("GET", "/cache/images/amd64/", "User-Agent: curl/8.5.0",
                "Accept: */*");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("<title>Index of /cache/images/amd64/</title>")
                .contains("<a href=\"./" + VERSION + "/\">" + VERSION + "/</a>");
    }

    @Test
    void redirectsADirectoryWithoutItsSlashAndFindsNoneThatDoesNotExist() {
        given().redirects().follow(false).get("/cache/" + DIRECTORY.substring(0, DIRECTORY.length() - 1)).then()
                .statusCode(301).header("Location", containsString("/cache/" + DIRECTORY));
        given().redirects().follow(false).get("/cache").then().statusCode(301)
                .header("Location", containsString("/cache/"));
        given().get("/cache/images/amd64/no-such-version/").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://kiln.dev/problems/not-found"));
        given().get("/cache/" + DIRECTORY + "no-such-file").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/not-found"));
    }

    @Test
    void listsTheRoot() {
        given().accept("application/json").get("/cache/").then().statusCode(200)
                .body("find { it.name == 'images' }.type", equalTo("directory"));
    }
}
