package dev.kiln.runner.domain.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds steps whose runs would share a Kubernetes Job: Job names spell {@code _} as {@code -}, so a step
 * {@code sdk_amd64} and the amd64 run of a per-arch step {@code sdk} would both be {@code kiln-<build>-sdk-amd64-<n>}.
 */
final class JobNameClashes {

    private JobNameClashes() {
    }

    static void check(Collection<StepDefinition> steps, List<String> problems) {
        Map<String, String> stepBySpelling = new HashMap<>();
        Set<String> clashes = new LinkedHashSet<>();
        for (StepDefinition step : steps) {
            for (String key : possibleRunKeys(step)) {
                String spelling = key.replace('_', '-');
                String other = stepBySpelling.putIfAbsent(spelling, step.name());
                if (other != null && !other.equals(step.name())) {
                    clashes.add("steps '" + other + "' and '" + step.name() + "' would run as the same Job (run "
                            + spelling + "): Job names spell '_' as '-'; rename one of them");
                }
            }
        }
        problems.addAll(clashes);
    }

    private static List<String> possibleRunKeys(StepDefinition step) {
        List<String> keys = new ArrayList<>();
        if (!step.perArch()) {
            keys.add(step.name());
            return keys;
        }
        for (String arch : Arches.ALL) {
            if (!step.perVendor()) {
                keys.add(RunPlan.keyOf(step.name(), arch, null));
                continue;
            }
            for (String vendor : VendorImages.known()) {
                keys.add(RunPlan.keyOf(step.name(), arch, vendor));
            }
        }
        return keys;
    }
}
