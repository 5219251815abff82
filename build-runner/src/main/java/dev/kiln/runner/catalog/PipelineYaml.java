package dev.kiln.runner.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.domain.pipeline.PipelineDefinitionException;
import dev.kiln.runner.domain.pipeline.PipelineSpec;
import dev.kiln.runner.domain.pipeline.PipelineValidator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads pipeline YAML into a validated {@link Pipeline}, and keeps a pipeline's spec as JSON so a build
 * runs the definition it started with. Unknown keys are errors, so a typo never silently does nothing.
 */
public final class PipelineYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private PipelineYaml() {
    }

    /** Parses and validates one definition; {@code origin} names it in every message. */
    public static Pipeline read(InputStream yaml, String origin) {
        PipelineSpec spec;
        try {
            spec = YAML.readValue(yaml, PipelineSpec.class);
        } catch (JsonProcessingException e) {
            throw new PipelineDefinitionException(origin, List.of(describe(e)));
        } catch (IOException e) {
            throw new PipelineDefinitionException(origin, List.of("cannot read: " + e.getMessage()));
        }
        return PipelineValidator.validate(spec, origin);
    }

    /** The spec as JSON, for storing with a build. */
    public static String toJson(PipelineSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write pipeline spec " + spec.name(), e);
        }
    }

    /** A pipeline stored with a build, validated again. */
    public static Pipeline fromJson(String json, String origin) {
        try {
            return PipelineValidator.validate(JSON.readValue(json, PipelineSpec.class), origin);
        } catch (JsonProcessingException e) {
            throw new PipelineDefinitionException(origin, List.of(describe(e)));
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + "unknown key '" + unknown.getPropertyName() + "' (known keys: "
                    + unknown.getKnownPropertyIds() + ")";
        }
        return where + e.getOriginalMessage();
    }
}
