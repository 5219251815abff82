package dev.kiln.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One arch's package changes against the channel's previous release, read from a release manifest
 * ({@code GET /api/v1/releases/{version}/manifest}: {@code packageChanges} is a list of
 * {@code {"arch","against","added":[...],"removed":[...],"updated":[{"name","from","to"}]}}; {@code against} is
 * absent when there is no previous release).
 */
public record PackageChanges(String arch, String against, List<String> added, List<String> removed, List<Update> updated) {

    public record Update(String name, String from, String to) {
    }

    /** Every arch's changes, in the manifest's order; empty when the manifest lists none. */
    public static List<PackageChanges> of(JsonNode manifest) {
        JsonNode changes = manifest == null ? null : manifest.get("packageChanges");
        List<PackageChanges> out = new ArrayList<>();
        if (changes == null || !changes.isArray()) {
            return out;
        }
        for (JsonNode arch : changes) {
            List<Update> updated = new ArrayList<>();
            arch.path("updated").forEach(u -> updated.add(new Update(u.path("name").asText(), u.path("from").asText(),
                    u.path("to").asText())));
            out.add(new PackageChanges(arch.path("arch").asText(), arch.hasNonNull("against") ? arch.get("against").asText() : null,
                    texts(arch.path("added")), texts(arch.path("removed")), updated));
        }
        return out;
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
