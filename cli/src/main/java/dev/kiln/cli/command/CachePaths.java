package dev.kiln.cli.command;

/** Cache paths as users type them ({@code /images/...}, {@code cache/images/...}) made into the API's form. */
final class CachePaths {

    private CachePaths() {
    }

    static String relative(String path) {
        String relative = path.strip();
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return relative;
    }

    static String fileName(String relative) {
        String trimmed = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
