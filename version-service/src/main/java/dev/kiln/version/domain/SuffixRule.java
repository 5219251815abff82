package dev.kiln.version.domain;

import java.util.Locale;

/** Which dev-build suffixes a tag, a cache path and a container tag can all hold. */
final class SuffixRule {

    static final int MAX_LENGTH = 64;

    private SuffixRule() {
    }

    /** Throws {@link IllegalVersionRequestException} with the reason when {@code suffix} is not usable. */
    static void check(String suffix) {
        if (suffix.length() > MAX_LENGTH) {
            refuse(suffix, "is longer than " + MAX_LENGTH + " characters");
        }
        if (!suffix.matches("[A-Za-z0-9._-]+")) {
            refuse(suffix, "holds characters a tag cannot hold; use letters, digits, '.', '_' and '-' only");
        }
        if (!Character.isLetterOrDigit(suffix.charAt(0)) || !Character.isLetterOrDigit(suffix.charAt(suffix.length() - 1))) {
            refuse(suffix, "must start and end with a letter or digit");
        }
        if (suffix.contains("..") || suffix.endsWith(".lock")) {
            refuse(suffix, "contains '..' or ends with '.lock', which git forbids in tag names");
        }
        if (suffix.toLowerCase(Locale.ROOT).startsWith("nightly")) {
            refuse(suffix, "starts with 'nightly', which is reserved for nightly builds");
        }
    }

    private static void refuse(String suffix, String why) {
        throw new IllegalVersionRequestException("suffix '" + suffix + "' " + why);
    }
}
