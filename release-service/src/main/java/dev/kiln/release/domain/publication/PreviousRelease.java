package dev.kiln.release.domain.publication;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The release a new one is compared with, as Flatcar's image_changes picks it: the channel's previous release of
 * the same major; for the first release of a major in a channel, its promotion source (the same major in the
 * channel below); failing both, the channel's newest earlier release.
 */
public final class PreviousRelease {

    private PreviousRelease() {
    }

    /** {@code published}: versions served at some time and not withdrawn, of any channel. */
    public static Optional<Version> of(Version version, Collection<Version> published) {
        Channel channel = version.channel();
        Comparator<Version> order = Version.BY_NUMBER;
        Optional<Version> sameMajor = published.stream()
                .filter(v -> v.channel() == channel && v.major() == version.major() && order.compare(v, version) < 0)
                .max(order);
        if (sameMajor.isPresent()) {
            return sameMajor;
        }
        if (channel.ordinal() > 0) {
            Channel below = Channel.values()[channel.ordinal() - 1];
            Optional<Version> source = published.stream().filter(v -> v.channel() == below && v.major() == version.major())
                    .max(order);
            if (source.isPresent()) {
                return source;
            }
        }
        return published.stream().filter(v -> v.channel() == channel && order.compare(v, version) < 0).max(order);
    }
}
