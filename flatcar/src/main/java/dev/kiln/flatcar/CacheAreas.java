package dev.kiln.flatcar;

import java.util.List;
import java.util.Objects;

/**
 * The areas of Flatcar's build cache (flatcar-ci.md 2.2) and the directory of a version in each:
 * {@code sdk/<arch>/<V+>/}, {@code containers/<V->/}, {@code boards/<arch>-usr/<V+>/pkgs/},
 * {@code images/<arch>/<V+>/}, {@code testing/<V+>/<arch>/<vendor>/}, {@code build-logs/<V+>/}; and of a
 * published release: {@code <channel>/<arch>-usr/<V>/} with {@code current/} beside it.
 */
public final class CacheAreas {

    public static final String SDK = "sdk";
    public static final String CONTAINERS = "containers";
    public static final String BOARDS = "boards";
    public static final String IMAGES = "images";
    public static final String TESTING = "testing";
    public static final String BUILD_LOGS = "build-logs";

    /** Every area that holds a build's outputs, under one version each. */
    public static final List<String> BUILD_AREAS = List.of(SDK, CONTAINERS, BOARDS, IMAGES, TESTING, BUILD_LOGS);

    /** The suffix of a board directory name: {@code amd64-usr}. */
    public static final String BOARD_SUFFIX = "-usr";
    /** The directory a channel's current release is served from, beside the version directories. */
    public static final String CURRENT = "current";

    private CacheAreas() {
    }

    /** {@code amd64-usr} for {@code amd64}. */
    public static String board(String arch) {
        return requireSegment(arch, "arch") + BOARD_SUFFIX;
    }

    /** {@code amd64} for the board directory {@code amd64-usr}; other names are returned as they are. */
    public static String boardArch(String board) {
        return board.endsWith(BOARD_SUFFIX) ? board.substring(0, board.length() - BOARD_SUFFIX.length()) : board;
    }

    public static String sdkDir(String arch, Version version) {
        return SDK + "/" + requireSegment(arch, "arch") + "/" + version.plusForm() + "/";
    }

    public static String containersDir(Version version) {
        return CONTAINERS + "/" + version.dashForm() + "/";
    }

    public static String boardPackagesDir(String arch, Version version) {
        return BOARDS + "/" + board(arch) + "/" + version.plusForm() + "/pkgs/";
    }

    public static String imagesDir(String arch, Version version) {
        return IMAGES + "/" + requireSegment(arch, "arch") + "/" + version.plusForm() + "/";
    }

    public static String testingDir(Version version, String arch, String vendor) {
        return TESTING + "/" + version.plusForm() + "/" + requireSegment(arch, "arch") + "/"
                + requireSegment(vendor, "vendor") + "/";
    }

    public static String buildLogsDir(Version version) {
        return BUILD_LOGS + "/" + version.plusForm() + "/";
    }

    /** {@code stable/amd64-usr/4593.2.5/}: where a published release's images are served. */
    public static String channelVersionDir(Channel channel, String arch, Version version) {
        return channel.id() + "/" + board(arch) + "/" + version.plusForm() + "/";
    }

    /** {@code stable/amd64-usr/current/}: what update tools read the channel's version.txt from. */
    public static String channelCurrentDir(Channel channel, String arch) {
        return channel.id() + "/" + board(arch) + "/" + CURRENT + "/";
    }

    private static String requireSegment(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.contains("/") || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("not a path segment for " + what + ": '" + value + "'");
        }
        return value;
    }
}
