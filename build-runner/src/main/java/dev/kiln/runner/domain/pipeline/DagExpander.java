package dev.kiln.runner.domain.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Expands a pipeline for the requested architectures and vendors into step runs.
 *
 * <p>A per-arch step gets one run per architecture; a per-vendor step one run per architecture and vendor
 * it accepts and Flatcar supports on that architecture. A run needs the runs of each needed step that
 * match it: same architecture and vendor where both have one; all of them where the needed step is fanned
 * out and this one is not (a fan-in). A needed step without a matching run (a vendor it excludes) adds no
 * edge for that run.
 */
public final class DagExpander {

    private DagExpander() {
    }

    public static List<RunPlan> expand(Pipeline pipeline, List<String> arches, List<String> vendors) {
        Map<String, List<RunPlan>> byStep = new LinkedHashMap<>();
        List<RunPlan> all = new ArrayList<>();
        for (StepDefinition step : pipeline.steps()) {
            List<RunPlan> runs = new ArrayList<>();
            for (String arch : step.perArch() ? arches : Collections.<String>singletonList(null)) {
                for (String vendor : vendorsFor(step, arch, vendors)) {
                    runs.add(new RunPlan(RunPlan.keyOf(step.name(), arch, vendor), step.name(), arch, vendor,
                            needs(step, arch, vendor, byStep)));
                }
            }
            byStep.put(step.name(), runs);
            all.addAll(runs);
        }
        return List.copyOf(all);
    }

    private static List<String> vendorsFor(StepDefinition step, String arch, List<String> vendors) {
        if (!step.perVendor()) {
            return Collections.singletonList(null);
        }
        return vendors.stream().filter(step::acceptsVendor).filter(v -> VendorImages.supports(v, arch)).toList();
    }

    private static List<String> needs(StepDefinition step, String arch, String vendor, Map<String, List<RunPlan>> byStep) {
        List<String> keys = new ArrayList<>();
        for (String need : step.needs()) {
            byStep.get(need).stream()
                    .filter(run -> run.arch() == null || arch == null || Objects.equals(run.arch(), arch))
                    .filter(run -> run.vendor() == null || vendor == null || Objects.equals(run.vendor(), vendor))
                    .map(RunPlan::key)
                    .forEach(keys::add);
        }
        return List.copyOf(keys);
    }
}
