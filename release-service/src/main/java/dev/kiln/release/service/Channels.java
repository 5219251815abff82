package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;

/** The channel a path names; unknown names are 404 problems. */
public final class Channels {

    public static final String NOT_FOUND = "channel-not-found";

    private Channels() {
    }

    public static Channel named(String id) {
        return Channel.ofId(id).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, NOT_FOUND,
                "no channel '" + id + "'; channels are alpha, beta, stable, lts"));
    }
}
