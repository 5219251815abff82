package dev.kiln.runner.domain.pipeline;

import java.util.List;

/**
 * One node of an expanded pipeline: a step for one architecture and vendor (either may be null when the
 * step is not fanned out over it). {@code key} is {@code <step>[-<arch>][-<vendor>]}; {@code needs} are keys.
 */
public record RunPlan(String key, String step, String arch, String vendor, List<String> needs) {

    public static String keyOf(String step, String arch, String vendor) {
        return step + (arch == null ? "" : "-" + arch) + (vendor == null ? "" : "-" + vendor);
    }
}
