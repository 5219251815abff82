package dev.kiln.artifact.domain.gc;

import dev.kiln.flatcar.MalformedVersionException;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionName;
import java.time.Instant;
import java.util.Optional;

/** A tag of the scripts repo as version-service reported it: its version ({@code +} form) and creation time. */
public record KnownVersion(String tag, String version, Instant createdAt) {

    /**
     * A tag with the version its reporter gave, or else the one the tag names (as {@code strip_version_prefix}
     * reads it); null when neither names one, as for historic tags like {@code v2234.99.0}.
     */
    public static KnownVersion of(String tag, String reportedVersion, Instant createdAt) {
        String version = reportedVersion != null ? reportedVersion
                : versionNamedBy(tag).map(Version::plusForm).orElse(null);
        return new KnownVersion(tag, version, createdAt);
    }

    /** The version a tag or bare version names, if it names one. */
    public static Optional<Version> versionNamedBy(String tagOrVersion) {
        try {
            return Optional.of(VersionName.parse(tagOrVersion).version());
        } catch (MalformedVersionException e) {
            return Optional.empty();
        }
    }
}
