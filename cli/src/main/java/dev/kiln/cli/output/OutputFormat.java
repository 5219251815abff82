package dev.kiln.cli.output;

/** {@code -o}: a table for people, the API's own JSON for jq, YAML for reading nested documents. */
public enum OutputFormat {
    TABLE, JSON, YAML
}
