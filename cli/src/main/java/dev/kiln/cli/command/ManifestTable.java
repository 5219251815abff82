package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.ProgressBar;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A release manifest for people: what it was built from, its files, reports, approvals, channel history and package
 * changes. {@code -o json} has the whole document (full sha256 sums among others).
 */
final class ManifestTable {

    private ManifestTable() {
    }

    static void print(PrintWriter out, JsonNode manifest) {
        out.printf("%s (%s, %s)%s%n", manifest.path("version").asText(), manifest.path("channel").asText("-"),
                manifest.path("state").asText("-"), manifest.path("atRisk").asBoolean() ? " AT RISK" : "");
        JsonNode inputs = manifest.path("inputs");
        if (inputs.isObject()) {
            List<String> parts = new ArrayList<>();
            inputs.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + Table.text(f.getValue())));
            out.println("inputs: " + String.join("; ", parts));
        }
        section(out, "OUTPUTS", List.of("ARCH", "FILE", "SIZE", "SHA256"), outputs(manifest.path("outputs")));
        section(out, "TEST REPORTS", List.of("SUITE", "ARCH", "VENDOR", "ATTEMPT", "RESULT", "DETAILS"),
                rows(manifest.path("testReports"), "/suite", "/arch", "/vendor", "/attempt", "/result", "/detailsUrl"));
        section(out, "APPROVALS", List.of("IDENTITY", "DECISION", "COMMENT", "AT"),
                rows(manifest.path("approvals"), "/identity", "/decision", "/comment", "/at"));
        section(out, "CHANNEL HISTORY", List.of("AT", "ARCH", "ACTION", "CURRENT", "ACTOR", "REASON"),
                rows(manifest.path("channelHistory"), "/at", "/arch", "/action", "/current", "/actor", "/reason"));
        section(out, "PACKAGE CHANGES", List.of("ARCH", "AGAINST", "CHANGE", "PACKAGE", "FROM", "TO"),
                packageChanges(manifest.path("packageChanges")));
    }

    private static void section(PrintWriter out, String title, List<String> headers, List<List<String>> rows) {
        out.println();
        if (rows.isEmpty()) {
            out.println(title + ": none");
            return;
        }
        out.println(title);
        Table.printAligned(out, headers, rows);
    }

    private static List<List<String>> rows(JsonNode documents, String... pointers) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode document : documents) {
            List<String> row = new ArrayList<>();
            for (String pointer : pointers) {
                row.add(Table.text(document.at(pointer)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code outputs}: files per arch ({@code {"amd64": [{name, size, sha256}]}}) or one list with an arch each. */
    private static List<List<String>> outputs(JsonNode outputs) {
        List<List<String>> rows = new ArrayList<>();
        if (outputs.isObject()) {
            for (Map.Entry<String, JsonNode> arch : (Iterable<Map.Entry<String, JsonNode>>) outputs::fields) {
                arch.getValue().forEach(file -> rows.add(file(arch.getKey(), file)));
            }
        } else {
            outputs.forEach(file -> rows.add(file(Table.text(file.path("arch")), file)));
        }
        return rows;
    }

    private static List<String> file(String arch, JsonNode file) {
        String sha256 = file.path("sha256").asText("-");
        return List.of(arch, file.path("name").asText(file.path("path").asText("-")),
                file.has("size") ? ProgressBar.size(file.path("size").asLong()) : "-",
                sha256.length() > 16 ? sha256.substring(0, 16) + "..." : sha256);
    }

    /** Per arch ({@code [{arch, against, added, removed, updated}]}) or one {@code {added, removed, updated}}. */
    private static List<List<String>> packageChanges(JsonNode changes) {
        List<List<String>> rows = new ArrayList<>();
        if (changes.isObject()) {
            addChanges(rows, "-", Table.text(changes.path("against")), changes);
        } else {
            changes.forEach(arch -> addChanges(rows, Table.text(arch.path("arch")), Table.text(arch.path("against")),
                    arch));
        }
        return rows;
    }

    private static void addChanges(List<List<String>> rows, String arch, String against, JsonNode changes) {
        changes.path("added").forEach(p -> rows.add(List.of(arch, against, "added", name(p), "-", version(p))));
        changes.path("removed").forEach(p -> rows.add(List.of(arch, against, "removed", name(p), version(p), "-")));
        changes.path("updated").forEach(p -> rows.add(List.of(arch, against, "updated", Table.text(p.path("name")),
                Table.text(p.path("from")), Table.text(p.path("to")))));
    }

    /** A package is a line of the package list ("app-shells/bash-5.2_p37") or an object with a name. */
    private static String name(JsonNode pkg) {
        return pkg.isTextual() ? pkg.asText() : Table.text(pkg.path("name"));
    }

    private static String version(JsonNode pkg) {
        return pkg.isTextual() ? "-" : Table.text(pkg.path("version"));
    }
}
