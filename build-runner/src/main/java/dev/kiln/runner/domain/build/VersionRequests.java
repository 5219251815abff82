package dev.kiln.runner.domain.build;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import java.util.Arrays;
import java.util.List;

/** Reads a version request from the words a caller sent; the kind's field rules are checked with the build request. */
public final class VersionRequests {

    /** The kinds a caller may name, as spelled on the wire. */
    public static final List<String> KINDS = Arrays.stream(VersionKind.values()).map(VersionKind::id).toList();

    private VersionRequests() {
    }

    /** The request for {@code kind}; an unknown or missing kind is refused as {@code invalid-kind}. */
    public static VersionRequest of(String kind, String branch, String from, String to, String suffix, String sdkVersion) {
        VersionKind known = kind == null ? null : VersionKind.ofId(kind.strip()).orElse(null);
        if (known == null) {
            throw new InvalidBuildRequestException("invalid-kind",
                    "kind must be one of " + KINDS + " when no tag is given, was " + kind);
        }
        return new VersionRequest(known, branch, from, to, suffix, sdkVersion);
    }
}
