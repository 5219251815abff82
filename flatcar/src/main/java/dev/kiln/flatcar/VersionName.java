package dev.kiln.flatcar;

import java.util.Optional;

/**
 * A tag or a bare version as a caller writes it ({@code from}, the parse endpoint): like Flatcar's
 * strip_version_prefix, an optional lower-case prefix, then a version in either spelling.
 */
public record VersionName(String prefix, Version version) {

    public static VersionName parse(String text) {
        if (text != null && !text.isEmpty() && Character.isDigit(text.charAt(0))) {
            return new VersionName(null, Version.parse(text));
        }
        Tag tag = Tag.parse(text);
        return new VersionName(tag.prefix(), tag.version());
    }

    /** The tag or version {@code text} names, if it names one. */
    public static Optional<VersionName> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (MalformedVersionException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<Tag> tag() {
        return prefix == null ? Optional.empty() : Optional.of(new Tag(prefix, version));
    }

    public UpdateGroup group() {
        return UpdateGroup.ofPrefix(prefix);
    }
}
