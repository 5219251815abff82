package dev.kiln.flatcar;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code KEY=value} lines of a version.txt the way the shell that sources it would. */
final class ShellAssignments {

    private ShellAssignments() {
    }

    /** Keys in file order; values without their double or single quotes. */
    static Map<String, String> read(String text) {
        if (text == null) {
            throw new MalformedVersionException(null, "version.txt is empty");
        }
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).matches("[A-Z_][A-Z0-9_]*")) {
                throw new MalformedVersionException(text, "version.txt line " + (i + 1) + " is not KEY=value: '" + line + "'");
            }
            String key = line.substring(0, eq);
            if (values.put(key, unquote(text, line.substring(eq + 1), i + 1)) != null) {
                throw new MalformedVersionException(text, "version.txt sets " + key + " twice");
            }
        }
        return values;
    }

    static String require(Map<String, String> values, String key, String text) {
        String value = values.get(key);
        if (value == null) {
            throw new MalformedVersionException(text, "version.txt has no " + key);
        }
        return value;
    }

    private static String unquote(String text, String value, int line) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        if (value.contains("\"") || value.contains("'") || value.contains(" ")) {
            throw new MalformedVersionException(text, "version.txt line " + line + " has a value the shell would not read as one word: " + value);
        }
        return value;
    }
}
