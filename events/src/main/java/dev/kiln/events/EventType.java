package dev.kiln.events;

/**
 * One versioned CloudEvent type: {@code dev.kiln.<aggregate>.<fact>.v<n>}, the topic it travels on and
 * the record that is its data. A schema change only adds fields; a breaking change is a new type.
 */
public record EventType<T extends KilnEvent>(String name, String topic, Class<T> dataClass) {

    public EventType {
        if (!name.matches("dev\\.kiln(\\.[a-z]+)+\\.v[0-9]+")) {
            throw new IllegalArgumentException("event type must look like dev.kiln.<aggregate>.<fact>.v<n>: " + name);
        }
    }

    /** Classpath location of the JSON Schema (draft 2020-12) that the data of this type satisfies. */
    public String schemaResource() {
        return "/schemas/" + name + ".json";
    }
}
