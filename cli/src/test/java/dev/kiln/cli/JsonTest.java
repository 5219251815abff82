package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.output.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI reads and writes JSON without an ObjectMapper (start-up); the trees must be Jackson's own. */
class JsonTest {

    private final ObjectMapper jackson = new ObjectMapper();

    @Test
    void readsTheServicesDocumentsAsJacksonWould() throws Exception {
        for (String document : List.of(Documents.PARSED, ReleaseDocuments.GATES, ReleaseDocuments.MANIFEST,
                ReleaseDocuments.CHANNEL_STABLE, "[1, 2.5, -3, 12345678901, 123456789012345678901234567890, true, null]",
                "\"4593.2.5\"")) {
            assertThat(Json.parse(document)).isEqualTo(jackson.readTree(document));
        }
    }

    @Test
    void writesWhatJacksonReadsBack() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "patch");
        body.put("channel", "stable");
        body.put("major", 4593);
        body.put("arches", List.of("amd64", "arm64"));
        body.put("note", "quotes \" and \\ and\nnewlines");

        String written = Json.write(body);

        assertThat(written).startsWith("{\"type\":\"patch\",\"channel\":\"stable\",\"major\":4593,\"arches\":[\"amd64\",\"arm64\"]");
        assertThat(jackson.readTree(written)).isEqualTo(jackson.valueToTree(body));
        JsonNode manifest = Json.parse(ReleaseDocuments.MANIFEST);
        assertThat(Json.parse(Json.write(manifest))).isEqualTo(manifest);
        assertThat(Json.parse(Json.writePretty(manifest))).isEqualTo(manifest);
    }

    @Test
    void anAnswerThatIsNoJsonIsAFailureOfTheService() {
        assertThatThrownBy(() -> Json.parse("<html>bad gateway</html>")).isInstanceOf(KilnCliException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Json.parse("{\"version\": ")).isInstanceOf(KilnCliException.class);
    }
}
