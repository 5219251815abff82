package dev.kiln.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly: a JSON document followed by anything but white space is malformed
 * (Jackson stops after the first value by default, so {@code {"kind":"nightly"} garbage} was accepted and acted on),
 * and a key given twice is malformed too (Jackson keeps the last by default, so {@code {"kind":"dev","kind":"nightly"}}
 * meant whatever the last one said, while a proxy or validator in front may have read the first).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
