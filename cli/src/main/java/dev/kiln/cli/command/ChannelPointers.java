package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.http.KilnApi;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The pointers artifact-service serves for a channel's arch ({@code current}, {@code current-2025} on lts), which
 * the board only shows beside release-service's record. Asked per arch; a failure is kept as a note rather than
 * ending {@code kiln channel show}, whose main document is release-service's.
 */
final class ChannelPointers {

    private final KilnApi api;
    private final String channel;
    private final List<String> troubles = new ArrayList<>();

    ChannelPointers(KilnApi api, String channel) {
        this.api = api;
        this.channel = channel;
    }

    /** "current=4593.2.5", several joined by commas, "-" for none, "?" when artifact-service could not say. */
    String of(String arch) {
        try {
            JsonNode pointers = api.get(Service.ARTIFACT_SERVICE, "/api/v1/channels/" + Query.segment(channel) + "/"
                    + Query.segment(arch) + "/pointers").json();
            List<String> shown = new ArrayList<>();
            pointers.forEach(p -> shown.add(p.path("name").asText() + "=" + p.path("version").asText()));
            return shown.isEmpty() ? "-" : String.join(",", shown);
        } catch (KilnCliException e) {
            troubles.add(arch + ": " + e.getMessage());
            return "?";
        }
    }

    List<String> troubles() {
        return troubles;
    }
}
