package dev.kiln.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a published release put into its channel, read from its manifest ({@code outputs}: per arch, a list of
 * {@code {"name","size","sha256"}}; empty before publication), in the manifest's order.
 */
public record ManifestOutputs(String arch, String name, Long size, String sha256) {

    public static List<ManifestOutputs> of(JsonNode manifest) {
        JsonNode outputs = manifest == null ? null : manifest.get("outputs");
        List<ManifestOutputs> files = new ArrayList<>();
        if (outputs == null || !outputs.isObject()) {
            return files;
        }
        outputs.properties().forEach(arch -> arch.getValue().forEach(file -> files.add(new ManifestOutputs(arch.getKey(),
                file.path("name").asText(), file.hasNonNull("size") ? file.get("size").asLong() : null,
                file.hasNonNull("sha256") ? file.get("sha256").asText() : null))));
        return files;
    }
}
