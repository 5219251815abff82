package dev.kiln.runner.domain.build;

import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;

/**
 * The version a build builds, as version-service allocated it: {@code version} in the {@code +} form
 * ({@code 4799.0.0+nightly-20260821-2100}), {@code buildId} the Flatcar build id ({@code nightly-20260821-2100},
 * empty for official builds).
 */
public record VersionInfo(String tag, String version, String versionId, String buildId, String sdkVersion,
        String channel, String branch, String commit) {

    /** The container-tag spelling of {@link #version()} Flatcar uses in {@code containers/} and image tags. */
    public String versionDocker() {
        return Version.parse(version).dashForm();
    }

    /** The container-tag spelling of {@link #sdkVersion()}. */
    public String sdkVersionDocker() {
        return Version.parse(sdkVersion).dashForm();
    }

    /** The channel version-service named, else the update group of the tag (Flatcar's channel_from_version). */
    public String channelOrGroup() {
        return channel != null ? channel : Tag.parse(tag).group().id();
    }
}
