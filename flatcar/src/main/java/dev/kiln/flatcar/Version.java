package dev.kiln.flatcar;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flatcar version {@code MMMM.m.p}, optionally with a build id. The {@code +} form
 * ({@code 4799.0.0+nightly-20260821-2100}) is FLATCAR_VERSION and names {@code images/}, {@code sdk/} and
 * friends; the {@code -} form ({@code 4799.0.0-nightly-20260821-2100}) names containers. Official means
 * "no build id".
 */
public record Version(int major, int minor, int patch, String buildId) {

    /** Orders by number only; build ids do not take part. */
    public static final Comparator<Version> BY_NUMBER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor).thenComparingInt(Version::patch);

    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:([+-])(.*))?", Pattern.DOTALL);
    private static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_DIGITS = 9;
    private static final int MAX_BUILD_ID = 128;

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers are not negative");
        }
        if (buildId != null && buildId.isEmpty()) {
            buildId = null;
        }
    }

    public static Version official(int major, int minor, int patch) {
        return new Version(major, minor, patch, null);
    }

    /**
     * Reads {@code MMMM.m.p}, {@code MMMM.m.p+<build id>} or {@code MMMM.m.p-<build id>}: like Flatcar's
     * {@code build_id_from_version}, everything after the first {@code -} or {@code +} that follows the
     * numbers is the build id.
     */
    public static Version parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedVersionException(text, "a version is required, e.g. 4593.2.5 or 4799.0.0+nightly-20260821-2100");
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new MalformedVersionException(text,
                    "'" + text + "' is not a version MMMM.m.p[+build-id] (e.g. 4593.2.5, 4799.0.0+nightly-20260821-2100)");
        }
        int major = number(text, m.group(1), "major");
        int minor = number(text, m.group(2), "minor");
        int patch = number(text, m.group(3), "patch");
        String buildId = m.group(5);
        if (m.group(4) != null) {
            checkBuildId(text, buildId);
        }
        return new Version(major, minor, patch, buildId);
    }

    /** The version {@code text} spells, if it is one: for names found in the cache or a tag list. */
    public static Optional<Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (MalformedVersionException e) {
            return Optional.empty();
        }
    }

    /** {@code MMMM.m.p}: FLATCAR_VERSION_ID. */
    public String versionId() {
        return major + "." + minor + "." + patch;
    }

    /** FLATCAR_VERSION: the version id plus {@code +<build id>} when there is one. */
    public String plusForm() {
        return buildId == null ? versionId() : versionId() + "+" + buildId;
    }

    /** The container spelling: every {@code +} becomes {@code -} (Flatcar's vernum_to_docker_image_version). */
    public String dashForm() {
        return plusForm().replace('+', '-');
    }

    public boolean official() {
        return buildId == null;
    }

    public Version withBuildId(String id) {
        return new Version(major, minor, patch, id);
    }

    public Version withoutBuildId() {
        return new Version(major, minor, patch, null);
    }

    /** The channel the minor encodes, or null for a minor above 3 (no Flatcar channel). */
    public Channel channel() {
        return Channel.ofMinor(minor).orElse(null);
    }

    @Override
    public String toString() {
        return plusForm();
    }

    private static int number(String text, String digits, String part) {
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new MalformedVersionException(text, "the " + part + " of '" + text + "' has a leading zero");
        }
        if (digits.length() > MAX_DIGITS) {
            throw new MalformedVersionException(text, "the " + part + " of '" + text + "' is too large");
        }
        return Integer.parseInt(digits);
    }

    private static void checkBuildId(String text, String buildId) {
        if (buildId.isEmpty()) {
            throw new MalformedVersionException(text, "'" + text + "' ends with a separator but has no build id");
        }
        if (buildId.length() > MAX_BUILD_ID) {
            throw new MalformedVersionException(text, "the build id of '" + text + "' is longer than " + MAX_BUILD_ID + " characters");
        }
        if (!BUILD_ID.matcher(buildId).matches() || buildId.contains("..")) {
            throw new MalformedVersionException(text, "the build id '" + buildId
                    + "' may only hold letters, digits, '.', '_' and '-', and must start with a letter or digit");
        }
    }
}
