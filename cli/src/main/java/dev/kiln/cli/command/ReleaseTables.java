package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The tables of a release and of its gates. */
final class ReleaseTables {

    private ReleaseTables() {
    }

    static void printRelease(PrintWriter out, JsonNode release) {
        Renderer.printFields(out, release, "transitions");
        if (release.path("transitions").isEmpty()) {
            return;
        }
        out.println();
        new Table().column("AT", "/at").column("FROM", "/from").column("TO", "/to").column("ACTOR", "/actor")
                .column("REASON", "/reason").print(out, release.path("transitions"));
    }

    /**
     * The verdict, then the suites as a matrix of suite x arch x vendor (one row each, with every attempt), then
     * the other requirements (soak, approvals) with their detail.
     */
    static void printGates(PrintWriter out, JsonNode gates) {
        out.printf("%s (%s, %s): verdict %s%n%n", gates.path("version").asText(), gates.path("channel").asText("-"),
                gates.path("state").asText("-"), gates.path("verdict").asText("-"));
        List<List<String>> suites = new ArrayList<>();
        List<List<String>> others = new ArrayList<>();
        for (JsonNode requirement : gates.path("requirements")) {
            if ("suite".equals(requirement.path("kind").asText())) {
                suites.add(List.of(Table.text(requirement.path("suite")), Table.text(requirement.path("arch")),
                        Table.text(requirement.path("vendor")), Table.text(requirement.path("status")),
                        attempts(requirement), Table.text(requirement.path("detail"))));
            } else {
                others.add(List.of(Table.text(requirement.path("kind")), Table.text(requirement.path("status")),
                        Table.text(requirement.path("detail"))));
            }
        }
        if (!suites.isEmpty()) {
            Table.printAligned(out, List.of("SUITE", "ARCH", "VENDOR", "STATUS", "ATTEMPTS", "DETAIL"), suites);
        }
        if (!others.isEmpty()) {
            out.println();
            Table.printAligned(out, List.of("GATE", "STATUS", "DETAIL"), others);
        }
    }

    /** "1 failed, 2 passed": each attempt with its result, in order; "-" before any report. */
    static String attempts(JsonNode requirement) {
        List<String> attempts = new ArrayList<>();
        for (JsonNode attempt : requirement.path("attempts")) {
            attempts.add(attempt.path("attempt").asText("?") + " " + attempt.path("result").asText("?"));
        }
        String window = requirement.has("flakeAttempts") ? " (of " + requirement.path("flakeAttempts").asInt() + ")" : "";
        return attempts.isEmpty() ? "-" : String.join(", ", attempts) + window;
    }
}
