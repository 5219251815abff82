package dev.kiln.artifact.domain.channel;

import dev.kiln.artifact.domain.CachePath;
import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Optional;

/**
 * A read below a channel's board directory, taken apart: the board, the entry right below it (a version or a
 * pointer name) and the rest of the path inside that entry ({@code ""} for the entry's own directory).
 */
public record ChannelRead(ChannelBoard board, String entry, String rest, boolean directory) {

    /** The read {@code path} names below a board, if it lies below one (the board directory itself does not). */
    public static Optional<ChannelRead> of(CachePath path) {
        List<String> s = path.segments();
        if (s.size() < 3) {
            return Optional.empty();
        }
        return ChannelBoard.fromSegments(s.get(0), s.get(1)).map(board -> new ChannelRead(board, s.get(2),
                String.join("/", s.subList(3, s.size())), path.isDirectory()));
    }

    /** Whether {@code path} is the board directory itself, {@code stable/amd64-usr/}. */
    public static Optional<ChannelBoard> boardDirectory(CachePath path) {
        List<String> s = path.segments();
        return path.isDirectory() && s.size() == 2 ? ChannelBoard.fromSegments(s.get(0), s.get(1)) : Optional.empty();
    }

    public boolean namesPointer() {
        return PointerName.isPointer(board.channel(), entry);
    }

    /** The official version the entry names, if it names one in its own spelling. */
    public Optional<Version> version() {
        return Version.tryParse(entry).filter(Version::official).filter(v -> v.plusForm().equals(entry));
    }

    /** The same read inside {@code version}'s directory instead of the entry. */
    public CachePath in(Version version) {
        String versionDirectory = board.versionDirectory(version);
        if (rest.isEmpty()) {
            return CachePath.parse(directory ? versionDirectory : versionDirectory.substring(0, versionDirectory.length() - 1));
        }
        return CachePath.parse(versionDirectory + rest + (directory ? "/" : ""));
    }
}
