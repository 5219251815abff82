package dev.kiln.artifact.domain;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;

/** A filter on the index; null fields match everything. {@code version} is in {@code +} form. */
public record ArtifactQuery(String version, String area, String arch) {

    /**
     * The query for the given filter values (blank: no filter), refused with {@code invalid-filter} when a value
     * could never match: a filter that matches nothing by construction would answer an empty page, which a
     * caller cannot tell from "nothing stored yet". The version is accepted in either spelling.
     */
    public static ArtifactQuery parse(String version, String area, String arch) {
        return new ArtifactQuery(version(blankToNull(version)), area(blankToNull(area)), arch(blankToNull(arch)));
    }

    private static String version(String value) {
        return value == null ? null : Version.tryParse(value).map(Version::plusForm)
                .orElseThrow(() -> invalid("version", value, "a Flatcar version such as 4593.2.5 or "
                        + "4790.0.1+nightly-20261207-2100 (or its - spelling)"));
    }

    private static String area(String value) {
        if (value == null || CacheAreas.BUILD_AREAS.contains(value) || Channel.ofId(value).isPresent()) {
            return value;
        }
        throw invalid("area", value, "one of " + String.join(", ", CacheAreas.BUILD_AREAS) + " or a channel");
    }

    private static String arch(String value) {
        if (value == null || FlatcarArches.ALL.contains(value)) {
            return value;
        }
        throw invalid("arch", value, "one of " + String.join(", ", FlatcarArches.ALL));
    }

    private static ArtifactException invalid(String filter, String value, String expected) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, "invalid-filter",
                "'" + shown + "' is no " + filter + " filter: expected " + expected, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
