package dev.kiln.flatcar;

import java.util.Map;
import java.util.Objects;

/**
 * {@code sdk_container/.repo/manifests/version.txt}: exactly the four lines Flatcar's create_versionfile
 * writes, in its order, only the build id quoted, ending with a newline:
 * <pre>
 * FLATCAR_VERSION=4799.0.0+nightly-20260821-2100
 * FLATCAR_VERSION_ID=4799.0.0
 * FLATCAR_BUILD_ID="nightly-20260821-2100"
 * FLATCAR_SDK_VERSION=4799.0.0+nightly-20260821-2100
 * </pre>
 * Reading tolerates other keys (the legacy set_version adds FLATCAR_DEV_BUILDS); writing drops them,
 * as create_versionfile does.
 */
public record VersionFile(Version version, Version sdkVersion) {

    public static final String VERSION = "FLATCAR_VERSION";
    public static final String VERSION_ID = "FLATCAR_VERSION_ID";
    public static final String BUILD_ID = "FLATCAR_BUILD_ID";
    public static final String SDK_VERSION = "FLATCAR_SDK_VERSION";

    public VersionFile {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sdkVersion, "sdkVersion");
    }

    public static VersionFile parse(String text) {
        return fromValues(ShellAssignments.read(text), text);
    }

    static VersionFile fromValues(Map<String, String> values, String text) {
        Version version = parseValue(ShellAssignments.require(values, VERSION, text), VERSION, text);
        String versionId = ShellAssignments.require(values, VERSION_ID, text);
        String buildId = ShellAssignments.require(values, BUILD_ID, text);
        Version sdk = parseValue(ShellAssignments.require(values, SDK_VERSION, text), SDK_VERSION, text);
        if (!version.versionId().equals(versionId)) {
            throw new MalformedVersionException(text, VERSION_ID + "=" + versionId + " does not match " + VERSION + "=" + version);
        }
        if (!Objects.equals(version.buildId(), buildId.isEmpty() ? null : buildId)) {
            throw new MalformedVersionException(text, BUILD_ID + "=\"" + buildId + "\" does not match " + VERSION + "=" + version);
        }
        return new VersionFile(version, sdk);
    }

    /** The file's bytes as create_versionfile writes them. */
    public String render() {
        return VERSION + "=" + version.plusForm() + "\n"
                + VERSION_ID + "=" + version.versionId() + "\n"
                + BUILD_ID + "=\"" + (version.buildId() == null ? "" : version.buildId()) + "\"\n"
                + SDK_VERSION + "=" + sdkVersion.plusForm() + "\n";
    }

    private static Version parseValue(String value, String key, String text) {
        try {
            return Version.parse(value);
        } catch (MalformedVersionException e) {
            throw new MalformedVersionException(text, key + ": " + e.getMessage());
        }
    }
}
