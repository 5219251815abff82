package dev.kiln.runner.domain.build;

/**
 * The version a build builds, as version-service allocated it: {@code version} in the {@code +} form
 * ({@code 4799.0.0+nightly-20260821-2100}), {@code buildId} the Flatcar build id ({@code nightly-20260821-2100},
 * empty for official builds).
 */
public record VersionInfo(String tag, String version, String versionId, String buildId, String sdkVersion,
        String channel, String branch, String commit) {

    /** The container-tag spelling Flatcar uses in {@code containers/} and image tags: every '+' becomes '-'. */
    public static String dockerForm(String version) {
        return version.replace('+', '-');
    }

    /**
     * Flatcar's {@code channel_from_version}: the tag's first field when it is alpha, beta, stable or lts,
     * otherwise {@code developer}.
     */
    public static String channelOfTag(String tag) {
        String first = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        return switch (first) {
            case "alpha", "beta", "stable", "lts" -> first;
            default -> "developer";
        };
    }
}
