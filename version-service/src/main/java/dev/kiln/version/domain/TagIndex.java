package dev.kiln.version.domain;

import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.MalformedVersionException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Questions the version rules ask of a set of tags. Names that are not version tags are ignored. */
public final class TagIndex {

    private static final int PARSED_CACHE_SIZE = 100_000;
    private static final Map<String, Optional<Tag>> PARSED = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Tag>> eldest) {
            return size() > PARSED_CACHE_SIZE;
        }
    };

    private final Map<String, Tag> byName = new HashMap<>();
    private final Map<String, Tag> byVersion = new HashMap<>();

    public TagIndex(Collection<String> tagNames) {
        for (String name : tagNames) {
            parse(name).ifPresent(tag -> {
                byName.put(name, tag);
                byVersion.putIfAbsent(tag.version().plusForm(), tag);
            });
        }
    }

    public boolean hasTag(String name) {
        return byName.containsKey(name);
    }

    /** The tag that carries exactly this version (+ form), if any. */
    public Optional<Tag> tagOf(Version version) {
        return Optional.ofNullable(byVersion.get(version.plusForm()));
    }

    /** Whether the release tag {@code <channel>-<version>} exists. */
    public boolean isReleased(Version version) {
        return version.official() && version.channel() != null && byName.containsKey(Tag.release(version).name());
    }

    /** The highest released version of a major, in any channel. */
    public Optional<Version> latestRelease(int major) {
        return releases().filter(v -> v.major() == major).max(Version.BY_NUMBER);
    }

    /** The highest released version of a major in one channel. */
    public Optional<Version> latestRelease(int major, Channel channel) {
        return releases().filter(v -> v.major() == major && v.minor() == channel.minor()).max(Version.BY_NUMBER);
    }

    /** The highest patch of any official version {@code major.minor.*}, whatever its prefix. */
    public OptionalInt highestOfficialPatch(int major, int minor) {
        return byName.values().stream().map(Tag::version)
                .filter(v -> v.official() && v.major() == major && v.minor() == minor)
                .mapToInt(Version::patch).max();
    }

    /** The highest major of any release tag. */
    public OptionalInt highestReleaseMajor() {
        return releases().mapToInt(Version::major).max();
    }

    private java.util.stream.Stream<Version> releases() {
        return byName.values().stream().filter(Tag::isRelease).map(Tag::version);
    }

    /** Tag names are parsed once per process: a remote with thousands of tags is indexed at every allocation. */
    private static Optional<Tag> parse(String name) {
        synchronized (PARSED) {
            return PARSED.computeIfAbsent(name, TagIndex::parseUncached);
        }
    }

    private static Optional<Tag> parseUncached(String name) {
        try {
            Tag tag = Tag.parse(name);
            return tag.name().equals(name) ? Optional.of(tag) : Optional.empty();
        } catch (MalformedVersionException e) {
            return Optional.empty();
        }
    }
}
