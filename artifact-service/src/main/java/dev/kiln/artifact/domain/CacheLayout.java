package dev.kiln.artifact.domain;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.List;

/**
 * Flatcar's cache layout (flatcar-ci.md 2.2): {@code sdk/<arch>/<V+>/}, {@code containers/<V->/},
 * {@code boards/<arch>-usr/<V+>/pkgs/}, {@code images/<arch>/<V+>/}, {@code testing/<V+>/<arch>/<vendor>/},
 * {@code build-logs/<V+>/}; and a channel's published releases, {@code <channel>/<arch>-usr/<V>/}. Other top-level areas are stored as they are, without version or arch.
 */
public final class CacheLayout {

    private CacheLayout() {
    }

    /** The area, version and arch of the file at {@code path}. */
    public static CacheLocation locate(CachePath path) {
        return locate(path.segments());
    }

    /** The same for a raw object key, which may predate Kiln's path rules. */
    public static CacheLocation locateKey(String key) {
        return locate(List.of(key.split("/")));
    }

    private static CacheLocation locate(List<String> s) {
        if (s.size() < 2) {
            return new CacheLocation("", null, null);
        }
        String area = s.get(0);
        return switch (area) {
            case CacheAreas.SDK, CacheAreas.IMAGES ->
                    new CacheLocation(area, versionAt(s, 2), s.size() > 2 ? s.get(1) : null);
            case CacheAreas.BOARDS -> new CacheLocation(area, versionAt(s, 2),
                    s.size() > 2 ? CacheAreas.boardArch(s.get(1)) : null);
            case CacheAreas.CONTAINERS, CacheAreas.BUILD_LOGS -> new CacheLocation(area, versionAt(s, 1), null);
            case CacheAreas.TESTING -> new CacheLocation(area, versionAt(s, 1), s.size() > 3 ? s.get(2) : null);
            default -> Channel.ofId(area).isPresent() && s.size() > 2 && s.get(1).endsWith(CacheAreas.BOARD_SUFFIX)
                    ? new CacheLocation(area, versionAt(s, 2), CacheAreas.boardArch(s.get(1)))
                    : new CacheLocation(area, null, null);
        };
    }

    /**
     * The version directory at {@code index} if it is one and a file lies below it. A name {@link Version}
     * refuses (a leading zero, an odd build id) is no version: for every name it accepts, the {@code +} form is
     * that name (up to {@code -} for {@code +}), so an indexed version always leads back to its directory.
     */
    private static String versionAt(List<String> segments, int index) {
        if (segments.size() <= index + 1) {
            return null;
        }
        return Version.tryParse(segments.get(index)).map(Version::plusForm).orElse(null);
    }
}
