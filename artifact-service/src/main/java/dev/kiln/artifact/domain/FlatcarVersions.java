package dev.kiln.artifact.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two spellings of a version in the cache (flatcar-ci.md 1.2, 2.2): the {@code +} form
 * ({@code 4799.0.0+nightly-20260821-2100}) of {@code sdk/}, {@code boards/}, {@code images/},
 * {@code testing/} and {@code build-logs/}, and the docker form ({@code 4799.0.0-nightly-20260821-2100})
 * of {@code containers/}.
 */
public final class FlatcarVersions {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)([+-].+)?$");
    private static final Pattern RELEASE = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
    private static final Pattern DASHED_BUILD_ID = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)-(.+)$");
    private static final Pattern EMBEDDED_RELEASE = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private FlatcarVersions() {
    }

    /** True for a version directory name in either spelling, with or without a build id. */
    public static boolean isVersion(String name) {
        return name != null && VERSION.matcher(name).matches();
    }

    /** True for an official release number {@code MMMM.m.p}, without a build id. */
    public static boolean isRelease(String name) {
        return name != null && RELEASE.matcher(name).matches();
    }

    /** The {@code +} form: the first {@code -} after the version number becomes {@code +}. */
    public static String plusForm(String version) {
        Matcher m = DASHED_BUILD_ID.matcher(version);
        return m.matches() ? m.group(1) + "+" + m.group(2) : version;
    }

    /** The docker form, as {@code vernum_to_docker_image_version}: every {@code +} becomes {@code -}. */
    public static String dockerForm(String version) {
        return version.replace('+', '-');
    }

    /** What Flatcar's orphan sweep looks for among the tags: the name with its first {@code +} as {@code -}. */
    public static String tagFragment(String directoryName) {
        int plus = directoryName.indexOf('+');
        return plus < 0 ? directoryName : directoryName.substring(0, plus) + "-" + directoryName.substring(plus + 1);
    }

    /** The first {@code MMMM.m.p} inside {@code text} (as {@code jq match("[0-9]+\\.[0-9]+\\.[0-9]+")}), if any. */
    public static java.util.Optional<String> releaseNumberIn(String text) {
        Matcher m = EMBEDDED_RELEASE.matcher(text == null ? "" : text);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    /**
     * The {@code FLATCAR_VERSION} a tag stands for, as {@code strip_version_prefix} (flatcar-ci.md 1.2) makes it:
     * {@code main-4799.0.0-nightly-20260821-2100} gives {@code 4799.0.0+nightly-20260821-2100}.
     */
    public static String fromTag(String tag) {
        int dash = tag.indexOf('-');
        String rest = dash >= 0 && !Character.isDigit(tag.charAt(0)) ? tag.substring(dash + 1) : tag;
        return plusForm(rest);
    }

    /** Major, minor and patch of a version in either spelling. */
    public static long[] numbers(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }
}
