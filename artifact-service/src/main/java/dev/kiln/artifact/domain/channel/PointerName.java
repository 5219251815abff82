package dev.kiln.artifact.domain.channel;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import java.util.regex.Pattern;

/**
 * The name of a pointer directory beside a channel's versions: {@code current} in every channel, and for LTS
 * also {@code current-<YEAR>}, the newest release of the LTS stream that began that year ({@code current-2024}).
 */
public record PointerName(String value) {

    private static final Pattern LTS_STREAM = Pattern.compile(CacheAreas.CURRENT + "-(19|20|21)\\d\\d");

    /** Whether {@code name} names a pointer in {@code channel}'s board directories. */
    public static boolean isPointer(Channel channel, String name) {
        return CacheAreas.CURRENT.equals(name) || (channel == Channel.LTS && LTS_STREAM.matcher(name).matches());
    }

    /** The pointer a request names; anything else is {@code invalid-pointer}. */
    public static PointerName of(ChannelBoard board, String name) {
        if (isPointer(board.channel(), name)) {
            return new PointerName(name);
        }
        if (name != null && LTS_STREAM.matcher(name).matches()) {
            throw ChannelBoard.invalid("invalid-pointer", "'" + name + "' is an LTS stream pointer; only lts has "
                    + "current-<YEAR>, " + board.channel().id() + " has only current");
        }
        throw ChannelBoard.invalid("invalid-pointer", "a pointer is named current"
                + (board.channel() == Channel.LTS ? " or current-<YEAR> (e.g. current-2024)" : "")
                + ", was '" + ChannelBoard.shorten(name) + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
