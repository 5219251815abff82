package dev.kiln.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static Stream<EventType<?>> types() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void serialisedRecordIsAcceptedByItsSchema(EventType<?> type) throws IOException {
        KilnEvent sample = sampleOf(type);

        JsonNode data = JSON.readTree(EventJson.write(sample));

        assertThat(schemaOf(type).validate(data)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaListsExactlyTheRecordComponents(EventType<?> type) throws IOException {
        Set<String> components = Arrays.stream(type.dataClass().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());

        Set<String> properties = new HashSet<>();
        schemaJson(type).get("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(properties).isEqualTo(components);
    }

    @ParameterizedTest
    @MethodSource("types")
    void dataRoundTripsThroughJson(EventType<?> type) {
        KilnEvent sample = sampleOf(type);

        KilnEvent read = EventJson.read(EventJson.write(sample), type);

        assertThat(read).isEqualTo(sample);
        assertThat(read.eventType()).isSameAs(type);
    }

    @Test
    void schemaRejectsDataMissingARequiredField() throws IOException {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(EventJson.write(sampleOf(EventCatalog.VERSION_TAGGED)));
        data.remove("commit");

        assertThat(schemaOf(EventCatalog.VERSION_TAGGED).validate(data)).isNotEmpty();
    }

    @Test
    void schemaRejectsAVersionInDashForm() throws IOException {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(EventJson.write(sampleOf(EventCatalog.VERSION_TAGGED)));
        data.put("version", "4799.0.0-nightly-20260821-2100");

        assertThat(schemaOf(EventCatalog.VERSION_TAGGED).validate(data)).isNotEmpty();
    }

    @Test
    void readerIgnoresFieldsAddedByANewerProducer() {
        String json = EventJson.write(sampleOf(EventCatalog.RELEASE_PUBLISHED)).replaceFirst("\\{", "{\"rolloutHours\":24,");

        ReleasePublished read = EventJson.read(json, EventCatalog.RELEASE_PUBLISHED);

        assertThat(read).isEqualTo(sampleOf(EventCatalog.RELEASE_PUBLISHED));
    }

    @Test
    void aPromotionsStateChoosesItsEventType() {
        PromotionStateChanged waiting = new PromotionStateChanged("pr-7h3k9w2m4q", "promotion", "awaiting-approval", "beta",
                4790, "4790.1.0", "b-0190c2a1", "every gate but the approvals holds", java.time.Instant.parse("2026-08-21T21:00:00Z"));

        assertThat(waiting.eventType()).isSameAs(EventCatalog.PROMOTION_AWAITING_APPROVAL);
        assertThat(waiting.eventType().name()).isEqualTo("dev.kiln.promotion.awaiting.approval.v1");
        assertThat(EventCatalog.promotion("superseded")).isEmpty();
        assertThat(EventCatalog.promotion("rolled-back")).isEmpty();
    }

    @Test
    void everySchemaFileBelongsToACatalogedType() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/schemas"))) {
            Set<String> names = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());

            assertThat(names).isEqualTo(EventCatalog.all().stream().map(EventType::name).collect(Collectors.toSet()));
        }
    }

    @Test
    void typeNamesFollowTheVersionedConvention() {
        assertThatThrownBy(() -> new EventType<>("dev.kiln.build.succeeded", Topics.BUILDS, BuildSucceeded.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EventCatalog.byName("dev.kiln.build.step.succeeded.v1")).contains(EventCatalog.STEP_SUCCEEDED);
        assertThat(EventCatalog.byName("dev.kiln.build.step.succeeded.v9")).isEmpty();
    }

    private static KilnEvent sampleOf(EventType<?> type) {
        KilnEvent sample = EventSamples.ALL.get(type);
        assertThat(sample).as("a sample for " + type.name()).isNotNull();
        return sample;
    }

    private static JsonSchema schemaOf(EventType<?> type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in, STRICT_FORMATS);
        }
    }

    private static JsonNode schemaJson(EventType<?> type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
