package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Version;
import java.util.Objects;

/** A pointer of a channel on one arch, {@code current} or {@code current-<YEAR>}, and the version it names. */
public record Pointer(String arch, String name, Version version) {

    public Pointer {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** Arch and name: which pointer, whatever it names. */
    public String slot() {
        return arch + "/" + name;
    }
}
