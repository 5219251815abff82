package dev.kiln.events.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.ReleasePublished;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    private static final String DATA = "{\"version\":\"4593.2.5\",\"channel\":\"stable\",\"arches\":[\"amd64\"],"
            + "\"publishedAt\":\"2026-08-21T21:00:00Z\"}";

    @Test
    void readsAttributesAndTypedData() {
        RecordHeaders headers = headers("1.0", "e-1", "/kiln/release-service", "dev.kiln.release.published.v1");
        headers.add("ce_time", "2026-08-21T21:00:01Z".getBytes(UTF_8));

        IncomingEvent event = CloudEventRecords.read(headers, "4593.2.5", DATA);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-08-21T21:00:01Z"));
        assertThat(event.is(EventCatalog.RELEASE_PUBLISHED)).isTrue();
        assertThat(event.dataAs(EventCatalog.RELEASE_PUBLISHED))
                .isEqualTo(new ReleasePublished("4593.2.5", "stable", List.of("amd64"), Instant.parse("2026-08-21T21:00:00Z")));
    }

    @Test
    void rejectsRecordsThatAreNotCloudEvents() {
        assertThatThrownBy(() -> CloudEventRecords.read(new RecordHeaders(), "k", DATA))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_specversion");
        assertThatThrownBy(() -> CloudEventRecords.read(headers("0.3", "e", "/s", "t"), "k", DATA))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CloudEventRecords.read(headers("1.0", "", "/s", "t"), "k", DATA))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> CloudEventRecords.read(headers("1.0", "e", "/s", "t"), "k", null))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no data");
    }

    @Test
    void refusesToReadDataAsAnotherType() {
        IncomingEvent event = CloudEventRecords.read(
                headers("1.0", "e-2", "/s", "dev.kiln.release.published.v1"), "k", DATA);

        assertThatThrownBy(() -> event.dataAs(EventCatalog.VERSION_TAGGED)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RecordHeaders headers(String spec, String id, String source, String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", spec.getBytes(UTF_8));
        headers.add("ce_id", id.getBytes(UTF_8));
        headers.add("ce_source", source.getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        return headers;
    }
}
