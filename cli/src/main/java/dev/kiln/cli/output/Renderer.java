package dev.kiln.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.http.ApiResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Prints an API document in the format {@code -o} asked for; the table layout is the command's business. */
public final class Renderer {

    private Renderer() {
    }

    public static void render(PrintWriter out, OutputFormat format, ApiResponse response,
            BiConsumer<PrintWriter, JsonNode> table) {
        switch (format) {
            case JSON -> printJson(out, response.body());
            case YAML -> printYaml(out, response.json());
            case TABLE -> table.accept(out, response.json());
        }
        out.flush();
    }

    /** The body exactly as the service sent it, so a script sees the documented fields and nothing else. */
    public static void printJson(PrintWriter out, String body) {
        out.print(body.endsWith("\n") ? body : body + "\n");
    }

    public static void printYaml(PrintWriter out, JsonNode document) {
        try {
            out.print(Json.yaml().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of {@code {items, page, size, total}} as a table, and a footer when there are more pages. */
    public static void printPage(PrintWriter out, JsonNode page, Table table) {
        table.print(out, page.path("items"));
        long total = page.path("total").asLong(page.path("items").size());
        int shown = page.path("items").size();
        int number = page.path("page").asInt(0);
        int size = page.path("size").asInt(shown);
        if ((long) (number + 1) * size < total) {
            out.printf("(page %d, %d of %d; --page %d for more)%n", number, shown, total, number + 1);
        }
    }

    /** A single document as FIELD VALUE lines, leaving out the fields listed in {@code skip}. */
    public static void printFields(PrintWriter out, JsonNode document, String... skip) {
        List<String> skipped = List.of(skip);
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!skipped.contains(field.getKey())) {
                rows.add(List.of(field.getKey(), Table.text(field.getValue())));
            }
        }
        Table.printAligned(out, List.of("FIELD", "VALUE"), rows);
    }
}
