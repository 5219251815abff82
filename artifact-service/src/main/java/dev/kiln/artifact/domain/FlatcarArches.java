package dev.kiln.artifact.domain;

import java.util.List;

/** The architectures Flatcar builds and publishes: the only ones a cache path, a filter or a channel board names. */
public final class FlatcarArches {

    public static final List<String> ALL = List.of("amd64", "arm64");

    private FlatcarArches() {
    }
}
