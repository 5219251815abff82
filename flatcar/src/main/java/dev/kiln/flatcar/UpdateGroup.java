package dev.kiln.flatcar;

import java.util.Locale;

/**
 * The update group a build reports to (build_image --group): the channel named by the tag prefix, and
 * {@code developer} for main, sdk, bare versions and anything unknown (Flatcar's channel_from_version).
 */
public enum UpdateGroup {
    ALPHA,
    BETA,
    STABLE,
    LTS,
    DEVELOPER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group of a tag prefix; null or an unknown prefix gives {@code developer}. */
    public static UpdateGroup ofPrefix(String prefix) {
        return prefix == null ? DEVELOPER : Channel.ofId(prefix).map(c -> valueOf(c.name())).orElse(DEVELOPER);
    }

    public static java.util.Optional<UpdateGroup> ofId(String id) {
        for (UpdateGroup g : values()) {
            if (g.id().equals(id)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }
}
