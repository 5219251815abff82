package dev.kiln.artifact.domain.gc;

import dev.kiln.artifact.domain.FlatcarVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The real tag list of flatcar/scripts with creation times (src/test/resources/gc/flatcar-scripts-tags.txt). */
final class FlatcarTags {

    private static final Pattern RELEASE_TAG = Pattern.compile("^(alpha|beta|stable|lts)-([0-9]+\\.[0-9]+\\.[0-9]+)$");

    private FlatcarTags() {
    }

    /** Every tag as version-service would report it: the tag, FLATCAR_VERSION and its creation time. */
    static List<KnownVersion> all() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FlatcarTags.class.getResourceAsStream("/gc/flatcar-scripts-tags.txt"), StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> {
                String[] parts = line.split(" ");
                return new KnownVersion(parts[1], FlatcarVersions.fromTag(parts[1]), Instant.parse(parts[0]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official releases among them, as release-service's published events would report them. */
    static List<PublishedRelease> releases() {
        return all().stream().filter(t -> RELEASE_TAG.matcher(t.tag()).matches()).map(t -> {
            var m = RELEASE_TAG.matcher(t.tag());
            m.matches();
            return new PublishedRelease(m.group(2), m.group(1), t.createdAt());
        }).toList();
    }
}
