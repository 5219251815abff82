package dev.kiln.runner.domain.pipeline;

import java.util.List;

/** Flatcar's architectures and their sysext spelling {@code x86-64}; the board name is {@code CacheAreas.board}. */
public final class Arches {

    public static final List<String> ALL = List.of("amd64", "arm64");

    private Arches() {
    }

    public static boolean isKnown(String arch) {
        return ALL.contains(arch);
    }

    /** The architecture spelling of systemd-sysext images and sysext-bakery file names. */
    public static String sysextArch(String arch) {
        return "amd64".equals(arch) ? "x86-64" : arch;
    }
}
