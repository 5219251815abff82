package dev.kiln.runner.domain;

import dev.kiln.runner.catalog.PipelineCatalog;
import dev.kiln.runner.catalog.PipelineYaml;
import dev.kiln.runner.domain.build.VersionInfo;
import dev.kiln.runner.domain.pipeline.Pipeline;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Real Flatcar versions (reference §1) and pipelines for domain tests. */
public final class Fixtures {

    /** A main nightly: a new SDK built with the OS, so both carry the same version. */
    public static final VersionInfo MAIN_NIGHTLY = new VersionInfo("main-4799.0.0-nightly-20260821-2100",
            "4799.0.0+nightly-20260821-2100", "4799.0.0", "nightly-20260821-2100", "4799.0.0+nightly-20260821-2100",
            "developer", "main", "ab6d76d957");

    /** A stable release built with its major's SDK. */
    public static final VersionInfo STABLE = new VersionInfo("stable-4593.2.5", "4593.2.5", "4593.2.5", "",
            "4593.0.0", "stable", "flatcar-4593", "0123456789");

    /** A maintenance-branch nightly: the last released LTS version plus a nightly suffix. */
    public static final VersionInfo LTS_NIGHTLY = new VersionInfo("lts-4081.3.10-nightly-20260821-2100",
            "4081.3.10+nightly-20260821-2100", "4081.3.10", "nightly-20260821-2100", "4081.0.0", "lts",
            "flatcar-4081", "fedcba9876");

    private static final Map<String, Pipeline> BUNDLED = PipelineCatalog.load(Optional.empty());

    private Fixtures() {
    }

    public static Pipeline bundled(String name) {
        return BUNDLED.get(name);
    }

    public static Pipeline yaml(String text) {
        return PipelineYaml.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
