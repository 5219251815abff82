package dev.kiln.release.domain.publication;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Flatcar's releases.json as plain maps, ready to be written as JSON: one key per version, newest first, each
 * {@code {channel, architectures, release_date, major_software, release_notes}}. The per-channel feed also has the
 * key {@code current}, a copy of the channel's current release, which consumers such as image-builder rely on.
 */
public final class ReleasesFeed {

    /** Flatcar's spelling: {@code 2022-03-23 13:33:43 +0000}. */
    private static final DateTimeFormatter RELEASE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(ZoneOffset.UTC);

    private ReleasesFeed() {
    }

    /** Every entry, across channels. */
    public static Map<String, Object> all(List<FeedEntry> entries) {
        Map<String, Object> feed = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(FeedEntry::version, Version.BY_NUMBER).reversed())
                .forEach(e -> feed.put(e.version().toString(), entry(e)));
        return feed;
    }

    /** The entries of {@code channel}, plus {@code current} when the channel has a current release among them. */
    public static Map<String, Object> channel(Channel channel, List<FeedEntry> entries, Optional<Version> current) {
        List<FeedEntry> mine = entries.stream().filter(e -> e.channel() == channel).toList();
        Map<String, Object> feed = all(mine);
        current.flatMap(v -> mine.stream().filter(e -> e.version().equals(v)).findFirst())
                .ifPresent(e -> feed.put("current", entry(e)));
        return feed;
    }

    /** One release's value in the feed. */
    public static Map<String, Object> entry(FeedEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel", e.channel().id());
        out.put("architectures", e.architectures());
        out.put("release_date", RELEASE_DATE.format(e.releaseDate()));
        out.put("major_software", new TreeMap<>(e.majorSoftware()));
        out.put("release_notes", e.releaseNotes());
        return out;
    }
}
