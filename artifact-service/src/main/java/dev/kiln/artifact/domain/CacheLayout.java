package dev.kiln.artifact.domain;

import java.util.List;

/**
 * Flatcar's cache layout (flatcar-ci.md 2.2): {@code sdk/<arch>/<V+>/}, {@code containers/<V->/},
 * {@code boards/<arch>-usr/<V+>/pkgs/}, {@code images/<arch>/<V+>/}, {@code testing/<V+>/<arch>/<vendor>/},
 * {@code build-logs/<V+>/}. Other top-level areas are stored as they are, without version or arch.
 */
public final class CacheLayout {

    public static final String SDK = "sdk";
    public static final String CONTAINERS = "containers";
    public static final String BOARDS = "boards";
    public static final String IMAGES = "images";
    public static final String TESTING = "testing";
    public static final String BUILD_LOGS = "build-logs";

    /** The suffix of a board directory name: {@code amd64-usr}. */
    public static final String BOARD_SUFFIX = "-usr";

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
            case SDK, IMAGES -> new CacheLocation(area, versionAt(s, 2), s.size() > 2 ? s.get(1) : null);
            case BOARDS -> new CacheLocation(area, versionAt(s, 2), s.size() > 2 ? boardArch(s.get(1)) : null);
            case CONTAINERS, BUILD_LOGS -> new CacheLocation(area, versionAt(s, 1), null);
            case TESTING -> new CacheLocation(area, versionAt(s, 1), s.size() > 3 ? s.get(2) : null);
            default -> new CacheLocation(area, null, null);
        };
    }

    /** {@code amd64} for the board directory {@code amd64-usr}. */
    public static String boardArch(String board) {
        return board.endsWith(BOARD_SUFFIX) ? board.substring(0, board.length() - BOARD_SUFFIX.length()) : board;
    }

    /** The version directory at {@code index} if it is one and a file lies below it. */
    private static String versionAt(List<String> segments, int index) {
        if (segments.size() <= index + 1 || !FlatcarVersions.isVersion(segments.get(index))) {
            return null;
        }
        return FlatcarVersions.plusForm(segments.get(index));
    }
}
