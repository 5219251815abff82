package dev.kiln.release.domain.release;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where releases and their transitions are kept (port; persistence implements it). Every call needs a transaction. */
public interface ReleaseStore {

    Optional<Release> find(Version version);

    /** Like {@link #find}, and holds the release's row locked until the transaction ends: one change at a time. */
    Optional<Release> lock(Version version);

    /** Stores a new release; false, changing nothing, when the version is stored already (a replayed build). */
    boolean create(Release release);

    /** Appends the transition just made and moves the release's state with it. */
    void record(Version version, Transition transition);

    /** Newest version first. */
    ReleasePage list(ReleaseFilter filter, int offset, int size);

    /** When the highest published (or since superseded) release of {@code major} in {@code channel} was published. */
    Optional<Instant> newestPublishedAt(int major, Channel channel);

    /** Optional filters of a release list; empty means any. */
    record ReleaseFilter(Optional<Channel> channel, Optional<ReleaseState> state) {
    }

    /** One page of releases and how many match in all. */
    record ReleasePage(List<Release> items, long total) {
    }
}
