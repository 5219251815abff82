package dev.kiln.version.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests (it replaces the default UTC system clock); tests set "now". */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-08-22T12:00:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    public void set(String instant) {
        now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
