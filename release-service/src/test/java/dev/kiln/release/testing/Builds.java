package dev.kiln.release.testing;

import dev.kiln.events.BuildSucceeded;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Successful builds as build-runner announces them, for real Flatcar versions. */
public final class Builds {

    /** The scripts commit every build here was made from. */
    public static final String COMMIT = "5d3c7e2a9f0b41c6d8e7a1b2c3d4e5f60718293a";

    /** sha256 of the os pipeline definition these builds ran, as build-runner reports it. */
    public static final String OS_DIGEST = "4be2f6c1a9d03e7b5c8f1a2d6e9b0c3f7a4d8e1b5c9f2a6d0e3b7c1f4a8d2e5b";
    /** The params these builds ran with. */
    public static final Map<String, String> PARAMS = Map.of("seedSdkVersion", "4593.0.0");

    private Builds() {
    }

    /** An {@code os} build of {@code version} for amd64 and arm64 with the qemu_uefi and ami images. */
    public static BuildSucceeded succeeded(String version) {
        return succeeded(version, List.of("amd64", "arm64"), List.of("qemu_uefi", "ami"));
    }

    public static BuildSucceeded succeeded(String version, List<String> arches, List<String> vendors) {
        String build = "b-" + version.replaceAll("[^0-9a-z]", "");
        return new BuildSucceeded(build, "os", "stable-" + version, version, "4593.0.0", arches, vendors,
                List.of("images/amd64/" + version + "/version.txt"), Instant.now(), "flatcar-" + version.split("\\.")[0],
                COMMIT, OS_DIGEST, PARAMS);
    }
}
