package dev.kiln.localstack.testsystem;

import java.util.List;
import java.util.Map;

/**
 * What the checks of one arch's images found: problems with the arch as a whole (version.txt, the generic image)
 * and, per vendor, with that vendor's image. No problem means the suites on it pass.
 */
public record ArchCheck(String arch, List<String> archProblems, Map<String, List<String>> vendorProblems) {

    public ArchCheck {
        archProblems = List.copyOf(archProblems);
        vendorProblems = Map.copyOf(vendorProblems);
    }

    /** Problems that fail {@code target}: the arch's, plus its vendor image's for a per-vendor target. */
    public List<String> problemsFor(Target target) {
        if (target.vendor() == null) {
            return archProblems;
        }
        List<String> vendor = vendorProblems.getOrDefault(target.vendor(),
                List.of("the candidate names no vendor image " + target.vendor()));
        return java.util.stream.Stream.concat(archProblems.stream(), vendor.stream()).toList();
    }
}
