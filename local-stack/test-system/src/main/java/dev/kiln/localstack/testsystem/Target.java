package dev.kiln.localstack.testsystem;

/**
 * One report a release's gates ask for: a suite on an arch ({@code vendor} null) or on one vendor image of an arch,
 * with the number of attempts the flake rule allows.
 */
public record Target(String suite, String arch, String vendor, int flakeAttempts) {

    /** {@code kola on amd64/qemu_uefi}, {@code qemu_update on arm64}. */
    public String describe() {
        return suite + " on " + arch + (vendor == null ? "" : "/" + vendor);
    }
}
