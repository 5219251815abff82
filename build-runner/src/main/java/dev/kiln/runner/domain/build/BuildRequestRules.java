package dev.kiln.runner.domain.build;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.Tag;
import dev.kiln.runner.domain.pipeline.Arches;
import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.domain.pipeline.VendorImages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a build request must satisfy before anything is stored. */
final class BuildRequestRules {

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
            checkTag(request.tag());
            return;
        }
        if (request.version() == null) {
            throw new InvalidBuildRequestException("invalid-kind", "a kind (" + VersionRequests.KINDS
                    + ") or a tag is required");
        }
        try {
            // version-service's own rules, so that a request it would refuse is refused here, before anything is stored
            request.version().checkFields();
        } catch (InvalidVersionRequestException e) {
            throw new InvalidBuildRequestException("invalid-version-request", e.getMessage(), e.problems().stream()
                    .map(p -> new DomainException.FieldError(p.field(), p.message())).toList());
        }
    }

    /** Only the prefixes Kiln tags with; a historic {@code sdk-} tag is not built again. */
    private static void checkTag(String text) {
        if (Tag.tryParse(text).filter(tag -> Tag.PREFIXES.contains(tag.prefix())).isEmpty()) {
            throw new InvalidBuildRequestException("invalid-tag", "tag '" + text
                    + "' is not a Flatcar version tag like main-4799.0.0-nightly-20260821-2100 or stable-4593.2.5");
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
