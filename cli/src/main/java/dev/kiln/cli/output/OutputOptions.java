package dev.kiln.cli.output;

import picocli.CommandLine.Option;

/** The {@code -o} option every read command mixes in. */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json (the API's document unchanged) or yaml. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.TABLE;

    public OutputFormat format() {
        return format;
    }
}
