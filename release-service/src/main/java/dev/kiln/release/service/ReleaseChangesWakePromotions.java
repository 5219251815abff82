package dev.kiln.release.service;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.Transition;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the promotion passes about every release that a transaction locked (to add a report or an approval, to
 * publish, roll back or withdraw it) or moved, so that the release request that produced it follows within moments
 * instead of at the next sweep. Whoever changes a release goes through {@link ReleaseStore}, so no use case has to
 * remember to do it.
 */
@Decorator
@Priority(10)
public abstract class ReleaseChangesWakePromotions implements ReleaseStore {

    @Inject
    @Delegate
    ReleaseStore delegate;

    @Inject
    Event<ReleaseTouched> touched;

    @Override
    public Optional<Release> lock(Version version) {
        Optional<Release> locked = delegate.lock(version);
        locked.ifPresent(r -> touched.fire(new ReleaseTouched(r.version())));
        return locked;
    }

    @Override
    public void record(Version version, Transition transition) {
        delegate.record(version, transition);
        touched.fire(new ReleaseTouched(version));
    }

    @Override
    public Optional<Instant> newestPublishedAt(int major, Channel channel) {
        return delegate.newestPublishedAt(major, channel);
    }
}
