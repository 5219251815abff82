package dev.kiln.flatcar;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version tag of the scripts repository: {@code <prefix>-MMMM.m.p[-<build id>]}, e.g.
 * {@code stable-4593.2.5}, {@code main-4799.0.0-nightly-20260821-2100}, {@code alpha-3449.0.0-dev23}.
 * Releases carry their channel as prefix; {@code main} marks main-branch builds; {@code sdk} is historic.
 */
public record Tag(String prefix, Version version) {

    /** The prefixes Flatcar's check_version_string accepts; Kiln creates tags with these only. */
    public static final Set<String> PREFIXES = Set.of("main", "alpha", "beta", "stable", "lts");
    /** Historic prefix of 2022 SDK nightlies, still found in the repository. */
    public static final String SDK_PREFIX = "sdk";
    public static final String MAIN_PREFIX = "main";

    private static final Pattern SHAPE = Pattern.compile("([a-z]+)-(.*)", Pattern.DOTALL);

    public Tag {
        if (prefix == null || !prefix.matches("[a-z]+")) {
            throw new IllegalArgumentException("a tag prefix is lower-case letters: " + prefix);
        }
    }

    /** The release tag {@code <channel>-MMMM.m.p} of an official version. */
    public static Tag release(Version version) {
        Channel channel = version.channel();
        if (!version.official() || channel == null) {
            throw new IllegalArgumentException("not a release version: " + version);
        }
        return new Tag(channel.id(), version);
    }

    /** Reads a tag; {@code +} is accepted as the build-id separator too, the name uses {@code -}. */
    public static Tag parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedVersionException(text, "a tag is required, e.g. stable-4593.2.5");
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new MalformedVersionException(text, "'" + text
                    + "' is not a tag <prefix>-MMMM.m.p[-build-id] (e.g. stable-4593.2.5, main-4799.0.0-nightly-20260821-2100)");
        }
        return new Tag(m.group(1), Version.parse(m.group(2)));
    }

    /** The tag {@code text} spells, if it is one: for names found in a repository or sent by a caller. */
    public static Optional<Tag> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (MalformedVersionException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The git tag name. */
    public String name() {
        return prefix + "-" + version.dashForm();
    }

    /** The update group baked into images built from this tag. */
    public UpdateGroup group() {
        return UpdateGroup.ofPrefix(prefix);
    }

    /** A release: official, with the prefix of the channel its minor encodes. */
    public boolean isRelease() {
        Channel channel = version.channel();
        return version.official() && channel != null && channel.id().equals(prefix);
    }

    @Override
    public String toString() {
        return name();
    }
}
