package dev.kiln.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Package changes against the channel's previous release, read from a release manifest (contracts.md section 3:
 * {@code {"added":[...],"removed":[...],"updated":[{"name","from","to"}]}}, under {@code packageChanges}).
 */
public record PackageChanges(List<String> added, List<String> removed, List<Update> updated) {

    public record Update(String name, String from, String to) {
    }

    public static Optional<PackageChanges> of(JsonNode manifest) {
        JsonNode changes = manifest == null ? null : manifest.get("packageChanges");
        if (changes == null || !changes.isObject()) {
            return Optional.empty();
        }
        List<Update> updated = new ArrayList<>();
        changes.path("updated").forEach(u -> updated.add(new Update(u.path("name").asText(), u.path("from").asText(),
                u.path("to").asText())));
        return Optional.of(new PackageChanges(texts(changes.path("added")), texts(changes.path("removed")), updated));
    }

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && updated.isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
        return values;
    }
}
