package dev.kiln.artifact.domain.gc;

import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionName;
import java.time.Instant;
import java.util.Optional;

/** A tag of the scripts repo as version-service reported it: its version ({@code +} form) and creation time. */
public record KnownVersion(String tag, String version, Instant createdAt) {

    /**
     * A tag with the version its reporter gave, or else the one the tag names (as {@code strip_version_prefix}
     * reads it). A historic tag that names none ({@code v2234.99.0}) stands in for its own version: the replica
     * stores one for every tag, and such a tag is never a dev build whose directories are looked up by it.
     */
    public static KnownVersion of(String tag, String reportedVersion, Instant createdAt) {
        String version = reportedVersion != null ? reportedVersion
                : versionNamedBy(tag).map(Version::plusForm).orElse(tag);
        return new KnownVersion(tag, version, createdAt);
    }

    /** The version a tag or bare version names, if it names one. */
    public static Optional<Version> versionNamedBy(String tagOrVersion) {
        return VersionName.tryParse(tagOrVersion).map(VersionName::version);
    }
}
