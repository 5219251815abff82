package dev.kiln.runner.domain.build;

import dev.kiln.runner.domain.pipeline.Arches;
import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.domain.pipeline.VendorImages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a build request must satisfy before anything is stored. */
final class BuildRequestRules {

    static final Set<String> KINDS = Set.of("nightly", "alpha", "promotion", "patch", "dev");

    private BuildRequestRules() {
    }

    static void check(Pipeline pipeline, BuildRequest request) {
        checkVersionSource(request);
        checkArches(request.arches());
        checkVendors(request.vendors(), request.arches());
        request.params().keySet().forEach(name -> {
            if (!pipeline.params().containsKey(name)) {
                throw new InvalidBuildRequestException("unknown-parameter", "pipeline '" + pipeline.name()
                        + "' has no parameter '" + name + "'; it has " + pipeline.params().keySet());
            }
        });
        pipeline.params().forEach((name, defaultValue) -> {
            String value = request.params().getOrDefault(name, defaultValue);
            if (value == null || value.isBlank()) {
                throw new InvalidBuildRequestException("missing-parameter", "pipeline '" + pipeline.name()
                        + "' needs parameter '" + name + "' (it has no default)");
            }
        });
    }

    private static void checkVersionSource(BuildRequest request) {
        if (request.tag() != null) {
            if (!request.tag().matches("(main|alpha|beta|stable|lts)-[0-9]+\\.[0-9]+\\.[0-9]+(-.+)?")) {
                throw new InvalidBuildRequestException("invalid-tag", "tag '" + request.tag()
                        + "' is not a Flatcar version tag like main-4799.0.0-nightly-20260821-2100 or stable-4593.2.5");
            }
            return;
        }
        VersionRequest v = request.version();
        if (v == null || v.kind() == null || !KINDS.contains(v.kind())) {
            throw new InvalidBuildRequestException("invalid-kind",
                    "kind must be one of " + KINDS + " when no tag is given, was " + (v == null ? null : v.kind()));
        }
        if (v.branch() == null || v.branch().isBlank()) {
            throw new InvalidBuildRequestException("missing-branch", "branch is required when no tag is given");
        }
    }

    private static void checkArches(List<String> arches) {
        if (arches.isEmpty()) {
            throw new InvalidBuildRequestException("invalid-arch", "at least one arch is required: " + Arches.ALL);
        }
        Set<String> seen = new HashSet<>();
        for (String arch : arches) {
            if (!Arches.isKnown(arch)) {
                throw new InvalidBuildRequestException("invalid-arch", "unknown arch '" + arch + "'; known: " + Arches.ALL);
            }
            if (!seen.add(arch)) {
                throw new InvalidBuildRequestException("invalid-arch", "arch '" + arch + "' is listed twice");
            }
        }
    }

    private static void checkVendors(List<String> vendors, List<String> arches) {
        Set<String> seen = new HashSet<>();
        for (String vendor : vendors) {
            if (!VendorImages.isKnown(vendor)) {
                throw new InvalidBuildRequestException("invalid-vendor", "unknown vendor '" + vendor + "'");
            }
            if (!seen.add(vendor)) {
                throw new InvalidBuildRequestException("invalid-vendor", "vendor '" + vendor + "' is listed twice");
            }
            if (arches.stream().noneMatch(arch -> VendorImages.supports(vendor, arch))) {
                throw new InvalidBuildRequestException("vendor-unsupported",
                        "Flatcar has no '" + vendor + "' image for " + arches);
            }
        }
    }
}
