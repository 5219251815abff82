package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.Channel;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where release requests queue: one channel and one major, since two open requests there would race for the
 * same next version. A new major's number is unknown until version-service allocates it, so all new-major
 * requests share the alpha lane with no major.
 */
public record Lane(Channel channel, OptionalInt major) {

    public Lane {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(major, "major");
    }

    public static Lane newMajor() {
        return new Lane(Channel.ALPHA, OptionalInt.empty());
    }

    public static Lane of(Channel channel, int major) {
        return new Lane(channel, OptionalInt.of(major));
    }

    @Override
    public String toString() {
        return channel.id() + "/" + (major.isPresent() ? String.valueOf(major.getAsInt()) : "new-major");
    }
}
