package dev.kiln.runner.domain.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated step: its templates parse and use only variables it can know, its needs exist and form no
 * cycle. {@code producesImage} may be null; {@code includeVendors} empty means every requested vendor.
 */
public record StepDefinition(
        String name,
        String description,
        List<String> needs,
        boolean perArch,
        boolean perVendor,
        Set<String> includeVendors,
        Set<String> excludeVendors,
        Template image,
        Template producesImage,
        List<Template> command,
        Map<String, Template> env,
        List<SecretEnv> secrets,
        Duration timeout,
        RetryPolicy retry,
        List<Template> outputs,
        PodSettings pod) {

    /** True when this step runs for {@code vendor} given its include/exclude lists. */
    public boolean acceptsVendor(String vendor) {
        return (includeVendors.isEmpty() || includeVendors.contains(vendor)) && !excludeVendors.contains(vendor);
    }
}
