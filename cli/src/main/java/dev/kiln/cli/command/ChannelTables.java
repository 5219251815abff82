package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The tables of channels: the list, one board, its history. */
final class ChannelTables {

    private ChannelTables() {
    }

    static void printList(PrintWriter out, JsonNode channels) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode channel : channels) {
            List<String> current = new ArrayList<>();
            channel.path("arches").forEach(a -> current.add(a.path("arch").asText() + "=" + Table.text(a.path("current"))));
            rows.add(List.of(channel.path("channel").asText(), current.isEmpty() ? "-" : String.join(",", current),
                    suites(channel.path("policy")), Table.text(channel.at("/policy/minimumSoak")),
                    Table.text(channel.at("/policy/requiredApprovals"))));
        }
        Table.printAligned(out, List.of("CHANNEL", "CURRENT", "SUITES", "SOAK", "APPROVALS"), rows);
    }

    static void printBoardOnly(PrintWriter out, JsonNode channel) {
        printBoard(out, channel, null);
    }

    /** The channel, its current release per arch (with artifact-service's pointers when asked), then its policy. */
    static void printBoard(PrintWriter out, JsonNode channel, ChannelPointers pointers) {
        out.println("channel " + channel.path("channel").asText());
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode arch : channel.path("arches")) {
            JsonNode history = arch.path("history");
            JsonNode last = history.isEmpty() ? null : history.get(history.size() - 1);
            List<String> row = new ArrayList<>(List.of(arch.path("arch").asText(), Table.text(arch.path("current"))));
            if (pointers != null) {
                row.add(pointers.of(arch.path("arch").asText()));
            }
            row.add(last == null ? "-" : last.path("action").asText() + " " + Table.text(last.path("version")) + " "
                    + Table.text(last.path("at")));
            rows.add(row);
        }
        out.println();
        if (rows.isEmpty()) {
            out.println("nothing published yet");
        } else {
            Table.printAligned(out, pointers == null ? List.of("ARCH", "CURRENT", "LAST CHANGE")
                    : List.of("ARCH", "CURRENT", "POINTERS", "LAST CHANGE"), rows);
        }
        if (pointers != null && !pointers.troubles().isEmpty()) {
            out.println("(pointers unknown, artifact-service: " + String.join("; ", pointers.troubles()) + ")");
        }
        JsonNode policy = channel.path("policy");
        if (policy.isObject()) {
            out.println();
            out.printf("policy: suites %s; flake attempts %s; soak %s; approvals %s; auto-publish %s; "
                            + "auto-rollback %s%n", suites(policy), Table.text(policy.path("flakeAttempts")),
                    Table.text(policy.path("minimumSoak")), Table.text(policy.path("requiredApprovals")),
                    Table.text(policy.path("autoPublish")), Table.text(policy.path("autoRollback")));
        }
    }

    /** Every arch's history in one table, oldest first. */
    static void printHistory(PrintWriter out, JsonNode channel) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode arch : channel.path("arches")) {
            for (JsonNode entry : arch.path("history")) {
                rows.add(List.of(Table.text(entry.path("at")), arch.path("arch").asText(),
                        Table.text(entry.path("action")), Table.text(entry.path("version")),
                        Table.text(entry.path("current")), Table.text(entry.path("actor")),
                        Table.text(entry.path("reason"))));
            }
        }
        // ISO-8601 instants in UTC sort as text
        rows.sort(Comparator.comparing((List<String> row) -> row.get(0)).thenComparing(row -> row.get(1)));
        Table.printAligned(out, List.of("AT", "ARCH", "ACTION", "VERSION", "CURRENT", "ACTOR", "REASON"), rows);
    }

    /** "kola per vendor, qemu_update per arch". */
    private static String suites(JsonNode policy) {
        List<String> suites = new ArrayList<>();
        policy.path("suites").forEach(s -> suites.add(s.path("name").asText() + " per " + s.path("per").asText()
                + (s.path("listed").isEmpty() ? "" : " " + Table.text(s.path("listed")))));
        return suites.isEmpty() ? "-" : String.join(", ", suites);
    }
}
