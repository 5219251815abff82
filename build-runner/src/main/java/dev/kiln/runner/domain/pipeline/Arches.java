package dev.kiln.runner.domain.pipeline;

import java.util.List;

/** Flatcar's architectures and their other spellings: board {@code amd64-usr}, sysext {@code x86-64}. */
public final class Arches {

    public static final List<String> ALL = List.of("amd64", "arm64");

    private Arches() {
    }

    public static boolean isKnown(String arch) {
        return ALL.contains(arch);
    }

    /** The board name used in {@code boards/<board>/} and by {@code build_packages --board}. */
    public static String board(String arch) {
        return arch + "-usr";
    }

    /** The architecture spelling of systemd-sysext images and sysext-bakery file names. */
    public static String sysextArch(String arch) {
        return "amd64".equals(arch) ? "x86-64" : arch;
    }
}
