package dev.kiln.artifact.domain.channel;

import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.InvalidPathException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.List;

/**
 * The files a release writes beside its images, and only those: {@code releases/releases.json},
 * {@code <channel>/releases.json}, {@code lts/lts-info} and {@code <channel>/<arch>-usr/<version>/kiln-manifest.json}.
 */
public final class ChannelFilePaths {

    public static final String MANIFEST = "kiln-manifest.json";

    private ChannelFilePaths() {
    }

    /** {@code raw} as a cache path when it is one of the allowed files; otherwise {@code invalid-channel-file}. */
    public static CachePath check(String raw) {
        CachePath path;
        try {
            path = CachePath.file(raw);
        } catch (InvalidPathException e) {
            throw refused(raw, e.getMessage());
        }
        if (allowed(path.segments())) {
            return path;
        }
        throw refused(raw, "only releases/releases.json, <channel>/releases.json, lts/lts-info and "
                + "<channel>/<arch>-usr/<version>/" + MANIFEST + " may be written here");
    }

    private static boolean allowed(List<String> s) {
        return switch (s.size()) {
            case 2 -> (s.get(0).equals("releases") || Channel.ofId(s.get(0)).isPresent()) && s.get(1).equals("releases.json")
                    || s.get(0).equals(Channel.LTS.id()) && s.get(1).equals("lts-info");
            case 4 -> ChannelBoard.fromSegments(s.get(0), s.get(1)).isPresent()
                    && Version.tryParse(s.get(2)).filter(Version::official).filter(v -> v.plusForm().equals(s.get(2))).isPresent()
                    && s.get(3).equals(MANIFEST);
            default -> false;
        };
    }

    private static dev.kiln.artifact.domain.ArtifactException refused(String raw, String why) {
        return ChannelBoard.invalid("invalid-channel-file", "'" + ChannelBoard.shorten(raw) + "' is not a channel file: " + why);
    }
}
