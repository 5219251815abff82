package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.Objects;

/** The three ways a release comes to be, as {@code POST /api/v1/promotions} names them. */
public sealed interface ReleaseRequest {

    /** The lane the request queues in. */
    Lane lane();

    /** {@code new-major}, {@code promotion} or {@code patch}, as the API and events name it. */
    default String type() {
        return switch (this) {
            case NewMajor ignored -> "new-major";
            case Promotion ignored -> "promotion";
            case Patch ignored -> "patch";
        };
    }

    /** The channel the release is for. */
    default Channel channel() {
        return lane().channel();
    }

    /** A new alpha on a new major (full pipeline). */
    record NewMajor() implements ReleaseRequest {
        @Override
        public Lane lane() {
            return Lane.newMajor();
        }
    }

    /** A rebuild of {@code from} under the next channel's version ({@code 4790.0.1 -> 4790.1.0}). */
    record Promotion(Version from, Channel to) implements ReleaseRequest {
        public Promotion {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Lane lane() {
            return Lane.of(to, from.major());
        }
    }

    /** The next patch of {@code major} in {@code channel} ({@code 4593.2.5 -> 4593.2.6}). */
    record Patch(Channel channel, int major) implements ReleaseRequest {
        public Patch {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public Lane lane() {
            return Lane.of(channel, major);
        }
    }
}
