package dev.kiln.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns picked from JSON documents with JSON pointers, printed aligned like kubectl's tables. */
public final class Table {

    private final List<String> headers = new ArrayList<>();
    private final List<String> pointers = new ArrayList<>();

    public Table column(String header, String pointer) {
        headers.add(header);
        pointers.add(pointer);
        return this;
    }

    public List<List<String>> rows(Iterable<JsonNode> documents) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode document : documents) {
            List<String> row = new ArrayList<>();
            for (String pointer : pointers) {
                row.add(text(document.at(pointer)));
            }
            rows.add(row);
        }
        return rows;
    }

    public void print(PrintWriter out, Iterable<JsonNode> documents) {
        printAligned(out, headers, rows(documents));
    }

    /** What a cell shows: "-" for nothing, lists joined by commas, nested objects as compact JSON. */
    public static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(element -> parts.add(text(element)));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        // JsonNode.toString() would create an ObjectMapper
        return value.isValueNode() ? value.asText() : Json.write(value);
    }

    public static void printAligned(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headers, widths));
        rows.forEach(row -> out.println(line(row, widths)));
    }

    static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 3));
            }
        }
        return line.toString();
    }
}
