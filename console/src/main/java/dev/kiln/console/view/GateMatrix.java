package dev.kiln.console.view;

import dev.kiln.console.client.Releases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A release's suite requirements as tables: one per suite, a row per vendor image ({@code -} for per-arch suites),
 * a column per arch; each cell the requirement's status and every attempt. An attempt that failed before a later
 * one passed is a flake and marked so.
 */
public record GateMatrix(List<String> arches, List<SuiteTable> suites) {

    public record SuiteTable(String suite, List<Row> rows) {
    }

    public record Row(String vendor, List<Cell> cells) {
    }

    /** {@code requirement} is empty where the policy asks for nothing (the release was not built for it). */
    public record Cell(String arch, Optional<Releases.Requirement> requirement) {

        public String status() {
            return requirement.map(Releases.Requirement::status).orElse("none");
        }

        public List<Releases.Attempt> attempts() {
            return requirement.map(Releases.Requirement::attempts).orElse(List.of());
        }

        /** The attempts that failed while a later attempt passed. */
        public boolean flaky() {
            List<Releases.Attempt> all = attempts();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).result().equals("failed")
                        && all.subList(i + 1, all.size()).stream().anyMatch(a -> a.result().equals("passed"))) {
                    return true;
                }
            }
            return false;
        }
    }

    public static GateMatrix of(List<Releases.Requirement> requirements, List<String> releaseArches) {
        List<Releases.Requirement> suites = requirements.stream().filter(r -> r.kind().equals("suite")).toList();
        TreeSet<String> arches = new TreeSet<>(releaseArches == null ? List.of() : releaseArches);
        suites.forEach(r -> arches.add(r.arch()));
        Map<String, Map<String, Map<String, Releases.Requirement>>> bySuite = new LinkedHashMap<>();
        for (Releases.Requirement r : suites) {
            bySuite.computeIfAbsent(r.suite(), s -> new java.util.TreeMap<>())
                    .computeIfAbsent(r.vendor() == null ? "-" : r.vendor(), v -> new LinkedHashMap<>())
                    .put(r.arch(), r);
        }
        List<SuiteTable> tables = new ArrayList<>();
        bySuite.forEach((suite, byVendor) -> {
            List<Row> rows = new ArrayList<>();
            byVendor.forEach((vendor, byArch) -> rows.add(new Row(vendor, arches.stream()
                    .map(arch -> new Cell(arch, Optional.ofNullable(byArch.get(arch)))).toList())));
            tables.add(new SuiteTable(suite, rows));
        });
        return new GateMatrix(List.copyOf(arches), tables);
    }
}
