package dev.kiln.flatcar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A release channel; its number is the minor of every version released in it. */
public enum Channel {
    ALPHA(0),
    BETA(1),
    STABLE(2),
    LTS(3);

    private final int minor;

    Channel(int minor) {
        this.minor = minor;
    }

    public int minor() {
        return minor;
    }

    /** The lower-case name, which is also the tag prefix of its releases. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a release of this one is promoted to; empty for lts, the last. */
    public Optional<Channel> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public static Optional<Channel> ofMinor(int minor) {
        return Arrays.stream(values()).filter(c -> c.minor == minor).findFirst();
    }

    public static Optional<Channel> ofId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
