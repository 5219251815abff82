package dev.kiln.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;

/** Jackson mappers, created on first use only: {@code kiln --help} should not pay for them. */
public final class Json {

    private Json() {
    }

    private static final class JsonHolder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private static final class YamlHolder {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public static ObjectMapper mapper() {
        return JsonHolder.MAPPER;
    }

    public static ObjectMapper yaml() {
        return YamlHolder.MAPPER;
    }

    public static JsonNode parse(String body) {
        try {
            return mapper().readTree(body == null || body.isBlank() ? "null" : body);
        } catch (JsonProcessingException e) {
            throw new KilnCliException(ExitCodes.FAILED, "the service answered something that is not JSON: "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
    }

    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
