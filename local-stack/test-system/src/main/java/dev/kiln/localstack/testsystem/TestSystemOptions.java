package dev.kiln.localstack.testsystem;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The test system's command line: {@code --kafka HOST:PORT --release-service URL --state-dir DIR} and optionally
 * {@code --group}, {@code --reported-by}, {@code --flaky-suite}, {@code --report-over kafka|rest} and (for rest)
 * {@code --token-file}, a file holding a token with role {@code tester}.
 */
public record TestSystemOptions(String kafka, URI releaseService, Path stateDir, String group, String reportedBy,
        String flakySuite, String reportOver, Path tokenFile) {

    public static final String USAGE = "usage: TestSystemMain --kafka HOST:PORT --release-service URL --state-dir DIR"
            + " [--group ID] [--reported-by NAME] [--flaky-suite SUITE] [--report-over kafka|rest] [--token-file FILE]";

    private static final Set<String> KEYS = Set.of("kafka", "release-service", "state-dir", "group", "reported-by",
            "flaky-suite", "report-over", "token-file");

    public static TestSystemOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!KEYS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; " + USAGE);
            }
            values.put(key, args[++i]);
        }
        for (String required : new String[] {"kafka", "release-service", "state-dir"}) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required; " + USAGE);
            }
        }
        String reportOver = values.getOrDefault("report-over", "kafka");
        if (!reportOver.equals("kafka") && !reportOver.equals("rest")) {
            throw new IllegalArgumentException("--report-over is kafka or rest, was '" + reportOver + "'");
        }
        if (reportOver.equals("rest") && !values.containsKey("token-file")) {
            throw new IllegalArgumentException("--report-over rest needs --token-file (a token with role tester)");
        }
        return new TestSystemOptions(values.get("kafka"), URI.create(values.get("release-service")),
                Path.of(values.get("state-dir")), values.getOrDefault("group", "kiln-example-test-system"),
                values.getOrDefault("reported-by", "test-system"), values.getOrDefault("flaky-suite", "kola"), reportOver,
                values.containsKey("token-file") ? Path.of(values.get("token-file")) : null);
    }
}
