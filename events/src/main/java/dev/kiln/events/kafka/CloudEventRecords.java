package dev.kiln.events.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.events.CloudEventHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads a binary-mode CloudEvent (Kafka protocol binding) out of a Kafka record. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static IncomingEvent read(ConsumerRecord<String, String> record) {
        return read(record.headers(), record.key(), record.value());
    }

    public static IncomingEvent read(Headers headers, String key, String value) {
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("not a CloudEvent 1.0 (ce_specversion=" + specVersion + ")");
        }
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String time = header(headers, CloudEventHeaders.TIME);
        if (value == null) {
            throw new MalformedEventException("CloudEvent " + id + " has no data");
        }
        return new IncomingEvent(id, type, source, header(headers, CloudEventHeaders.SUBJECT), parseTime(id, time),
                key, value);
    }

    private static Instant parseTime(String id, String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("CloudEvent " + id + " has an invalid ce_time: " + time);
        }
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent lacks the " + name + " header");
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
