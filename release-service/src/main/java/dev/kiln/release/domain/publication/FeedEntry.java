package dev.kiln.release.domain.publication;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What releases.json says of one published (or since superseded) release, as stored when it was published. */
public record FeedEntry(Version version, Channel channel, List<String> architectures, Instant releaseDate,
        Map<String, List<String>> majorSoftware, String releaseNotes) {

    public FeedEntry {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(releaseDate, "releaseDate");
        architectures = List.copyOf(architectures);
        majorSoftware = Map.copyOf(majorSoftware);
        releaseNotes = releaseNotes == null ? "" : releaseNotes;
    }
}
