package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kiln-local demo release} on the real stack: a new major is built, tested by the example test system,
 * approved and published in alpha, then promoted (rebuilt, tested, approved, published) to beta and stable; each
 * channel's {@code current/version.txt} in the cache is the version published there.
 */
class ReleaseWalkIT {

    private final KilnLocal kiln = new KilnLocal(Path.of("target", "it-walk-" + UUID.randomUUID()).toAbsolutePath());

    @AfterEach
    void tearDown() {
        kiln.down();
    }

    @Test
    void walksANewMajorThroughAlphaBetaAndStable() {
        kiln.up().assertSucceeded();

        KilnLocal.Result walk = kiln.demoRelease("--arches", "amd64");

        String out = walk.assertSucceeded().output();
        String alpha = versionOn(out, "alpha");
        String major = alpha.substring(0, alpha.indexOf('.'));
        assertThat(alpha).isEqualTo(major + ".0.0");
        assertThat(out).contains("walked a new major through alpha (" + alpha + "), beta (" + major + ".1.0) and stable ("
                + major + ".2.0)");
        assertThat(out).contains("gate kola on amd64/qemu_uefi      satisfied passed on attempt 2 within the 2-attempt window "
                + "[attempt 1 failed, attempt 2 passed]");
        assertThat(out).contains("release-manager-2 approves " + major + ".2.0 (release-manager-1 asked, and cannot approve alone)");
        assertThat(out).contains("release-manager-1 publishes " + major + ".1.0 in beta");
        assertThat(out).contains("/cache/stable/amd64-usr/current/version.txt\nFLATCAR_VERSION=" + major + ".2.0\n");
        assertThat(out).contains("/cache/beta/amd64-usr/current/version.txt\nFLATCAR_VERSION=" + major + ".1.0\n");
        assertThat(out).contains("/cache/alpha/amd64-usr/current/version.txt\nFLATCAR_VERSION=" + alpha + "\n");
    }

    /** The version the walk printed for {@code channel}: {@code version 4907.0.0 for alpha}. */
    private static String versionOn(String out, String channel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("version (\\d+\\.\\d+\\.\\d+) for " + channel).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
