package dev.kiln.artifact.domain.channel;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.FlatcarArches;
import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Optional;

/** A channel's board directory, {@code stable/amd64-usr/}: where its releases' version directories and pointers live. */
public record ChannelBoard(Channel channel, String arch) {

    /** The architectures Flatcar publishes. */
    public static final List<String> ARCHES = FlatcarArches.ALL;

    public ChannelBoard {
        if (channel == null || !ARCHES.contains(arch)) {
            throw new IllegalArgumentException("not a channel board: " + channel + "/" + arch);
        }
    }

    /** The board named by request values; a wrong one is refused as {@code invalid-channel} or {@code invalid-arch}. */
    public static ChannelBoard of(String channel, String arch) {
        Channel parsed = Channel.ofId(channel).orElseThrow(() -> invalid("invalid-channel",
                "channel must be one of alpha, beta, stable, lts, was '" + shorten(channel) + "'"));
        if (!ARCHES.contains(arch)) {
            throw invalid("invalid-arch", "arch must be one of " + String.join(", ", ARCHES) + ", was '" + shorten(arch) + "'");
        }
        return new ChannelBoard(parsed, arch);
    }

    /** The board whose directory is {@code <channel>/<board>} in a cache path, if those name one. */
    public static Optional<ChannelBoard> fromSegments(String channel, String board) {
        if (!board.endsWith(CacheAreas.BOARD_SUFFIX)) {
            return Optional.empty();
        }
        String arch = CacheAreas.boardArch(board);
        return Channel.ofId(channel).filter(c -> ARCHES.contains(arch)).map(c -> new ChannelBoard(c, arch));
    }

    /** An official version {@code MMMM.m.p}, as a request names it; anything else is {@code invalid-version}. */
    public static Version officialVersion(String text) {
        Version version = Version.tryParse(text).orElseThrow(() -> invalid("invalid-version",
                "'" + shorten(text) + "' is not a version MMMM.m.p (e.g. 4593.2.5)"));
        if (!version.official()) {
            throw invalid("invalid-version", "only official versions MMMM.m.p are published into a channel, not '"
                    + version + "'");
        }
        return version;
    }

    /** {@code stable/amd64-usr/}. */
    public String directory() {
        return channel.id() + "/" + CacheAreas.board(arch) + "/";
    }

    /** {@code stable/amd64-usr/4593.2.5/}. */
    public String versionDirectory(Version version) {
        return CacheAreas.channelVersionDir(channel, arch, version);
    }

    /** {@code images/amd64/4593.2.5/}: what a copy into this board takes its files from. */
    public String imagesDirectory(Version version) {
        return CacheAreas.imagesDir(arch, version);
    }

    /** Serialises changes to this board's pointers and withdrawals. */
    public String lockName() {
        return "channel-board:" + directory();
    }

    @Override
    public String toString() {
        return directory();
    }

    static ArtifactException invalid(String slug, String detail) {
        return new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, slug, detail, null);
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
