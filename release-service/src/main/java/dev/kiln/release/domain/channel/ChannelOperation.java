package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of a channel that involves the channel storage (publish, rollback, withdraw), recorded before anything
 * outside the database is touched, so that it survives a crash: {@code pending} until the storage calls are done
 * and the board, release states and event are committed together ({@code committed}); {@code done} when the
 * channel files (feeds, lts-info, manifests) were written from the new state; {@code abandoned} when the storage
 * refused or the release no longer qualifies. {@code arches}: for a rollback the arches asked for (empty: every
 * arch with a current release); otherwise unused.
 */
public record ChannelOperation(long id, Channel channel, Kind kind, Optional<Version> version, List<String> arches,
        String actor, String reason, State state, int attempts, Optional<String> lastError, Instant createdAt) {

    public enum Kind {
        PUBLISH, ROLLBACK, WITHDRAW;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        PENDING, COMMITTED, DONE, ABANDONED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChannelOperation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        arches = List.copyOf(arches);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind != Kind.ROLLBACK && version.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.id() + " names its version");
        }
    }

    /** A new operation, not yet stored (id 0). */
    public static ChannelOperation requested(Channel channel, Kind kind, Optional<Version> version, List<String> arches,
            String actor, String reason, Instant now) {
        return new ChannelOperation(0, channel, kind, version, arches, actor, reason, State.PENDING, 0, Optional.empty(), now);
    }
}
