package dev.kiln.artifact.persistence;

/** LIKE patterns for path prefixes: {@code _} and {@code %} are common in Flatcar's file names. */
final class LikePatterns {

    private LikePatterns() {
    }

    /** {@code prefix} followed by anything, with LIKE's wildcards in it escaped by backslash. */
    static String startingWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
