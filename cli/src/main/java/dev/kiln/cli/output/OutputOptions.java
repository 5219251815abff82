package dev.kiln.cli.output;

import picocli.CommandLine.Option;

/** The {@code -o} option every read command mixes in. */
public final class OutputOptions {

    /** Completion offers the names as they are typed, not the enum's upper case. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("table", "json", "yaml").iterator();
        }
    }

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "table, json (the API's document unchanged) or yaml. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.TABLE;

    public OutputFormat format() {
        return format;
    }
}
