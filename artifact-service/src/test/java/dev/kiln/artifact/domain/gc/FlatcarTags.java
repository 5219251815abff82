package dev.kiln.artifact.domain.gc;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.MalformedVersionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The real tag list of flatcar/scripts with creation times (src/test/resources/gc/flatcar-scripts-tags.txt). */
final class FlatcarTags {

    private FlatcarTags() {
    }

    /** Every tag as version-service would report it: the tag, FLATCAR_VERSION and its creation time. */
    static List<KnownVersion> all() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FlatcarTags.class.getResourceAsStream("/gc/flatcar-scripts-tags.txt"), StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> {
                String[] parts = line.split(" ");
                return KnownVersion.of(parts[1], null, Instant.parse(parts[0]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official releases among them, as release-service's published events would report them. */
    static List<PublishedRelease> releases() {
        return all().stream().flatMap(t -> releaseOf(t).stream()).toList();
    }

    /** A channel's tag without build id; its minor need not be the channel's (tags of 2020 like stable-2605.12.0). */
    private static Optional<PublishedRelease> releaseOf(KnownVersion known) {
        try {
            Tag tag = Tag.parse(known.tag());
            boolean release = Channel.ofId(tag.prefix()).isPresent() && tag.version().official()
                    && tag.name().equals(known.tag());
            return release ? Optional.of(new PublishedRelease(tag.version().versionId(), tag.prefix(),
                    known.createdAt())) : Optional.empty();
        } catch (MalformedVersionException notATag) {
            return Optional.empty();
        }
    }
}
