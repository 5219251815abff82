package dev.kiln.release.domain.gate;

import java.util.List;

/**
 * A test suite a release must pass, once per target. {@code PER_ARCH}: once per architecture; {@code PER_VENDOR}:
 * once per architecture and vendor image. With {@code listed} empty the targets are what the release built;
 * otherwise exactly the listed arches (or vendors, on every built arch), so a listed target the release did
 * not build stays missing rather than silently dropping out of the gate.
 */
public record RequiredSuite(String suite, Per per, List<String> listed) {

    /** What one requirement of the suite is for. */
    public enum Per {
        ARCH,
        VENDOR
    }

    public RequiredSuite {
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    public static RequiredSuite perArch(String suite) {
        return new RequiredSuite(suite, Per.ARCH, List.of());
    }

    public static RequiredSuite perVendor(String suite) {
        return new RequiredSuite(suite, Per.VENDOR, List.of());
    }
}
