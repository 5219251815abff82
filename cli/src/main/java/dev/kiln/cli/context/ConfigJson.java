package dev.kiln.cli.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.cli.output.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The config file's document, mapped by hand: Jackson's record binding introspects the classes on first use,
 * which cost about 0.1 s of CPU on every command; reading the tree does not.
 */
public final class ConfigJson {

    private ConfigJson() {
    }

    public static KilnConfig read(JsonNode document) {
        Map<String, ContextSettings> contexts = new LinkedHashMap<>();
        document.path("contexts").properties().forEach(entry -> contexts.put(entry.getKey(), settings(entry.getValue())));
        return new KilnConfig(text(document, "currentContext"), contexts);
    }

    public static ObjectNode write(KilnConfig config) {
        ObjectNode document = Json.object();
        if (config.currentContext() != null) {
            document.put("currentContext", config.currentContext());
        }
        ObjectNode contexts = document.putObject("contexts");
        config.contexts().forEach((name, settings) -> {
            ObjectNode context = contexts.putObject(name);
            putIfSet(context, "versionService", settings.versionService());
            putIfSet(context, "buildRunner", settings.buildRunner());
            putIfSet(context, "artifactService", settings.artifactService());
            putIfSet(context, "releaseService", settings.releaseService());
            putIfSet(context, "tokenFile", settings.tokenFile());
        });
        return document;
    }

    private static ContextSettings settings(JsonNode context) {
        return new ContextSettings(text(context, "versionService"), text(context, "buildRunner"),
                text(context, "artifactService"), text(context, "releaseService"), text(context, "tokenFile"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
