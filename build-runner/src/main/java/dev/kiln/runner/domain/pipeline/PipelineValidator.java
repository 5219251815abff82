package dev.kiln.runner.domain.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates a {@link PipelineSpec} into a {@link Pipeline}, or rejects it with every problem found: bad
 * names, unknown or cyclic needs, malformed templates, variables a step cannot know (an arch in a step
 * that is not per arch, an undeclared parameter, the image of a step that is not upstream).
 */
public final class PipelineValidator {

    private static final Pattern PIPELINE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern STEP_NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private PipelineValidator() {
    }

    public static Pipeline validate(PipelineSpec spec, String origin) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            throw new PipelineDefinitionException(origin, List.of("the document is empty"));
        }
        checkHeader(spec, problems);
        Map<String, StepSpec> byName = stepsByName(spec, problems);
        checkNeeds(byName, problems);
        List<String> cycle = findCycle(byName);
        if (!cycle.isEmpty()) {
            problems.add("needs form a cycle: " + String.join(" -> ", cycle));
        }
        if (!problems.isEmpty()) {
            throw new PipelineDefinitionException(origin, problems);
        }
        Map<String, StepDefinition> steps = new LinkedHashMap<>();
        for (String name : topologicalOrder(byName)) {
            steps.put(name, new StepDefinitionReader(name, problems).read(StepSpecDefaults.apply(spec.defaults(), byName.get(name))));
        }
        Map<String, String> params = spec.params() == null ? Map.of() : Map.copyOf(spec.params());
        steps.values().forEach(step -> checkTemplates(step, steps, params, problems));
        JobNameClashes.check(steps.values(), problems);
        if (!problems.isEmpty()) {
            throw new PipelineDefinitionException(origin, problems);
        }
        return new Pipeline(spec.name(), spec.description() == null ? "" : spec.description(), params,
                List.copyOf(steps.values()), spec, origin);
    }

    private static void checkHeader(PipelineSpec spec, List<String> problems) {
        if (spec.name() == null || !PIPELINE_NAME.matcher(spec.name()).matches()) {
            problems.add("name '" + spec.name() + "' must match " + PIPELINE_NAME.pattern());
        }
        if (spec.steps() == null || spec.steps().isEmpty()) {
            problems.add("a pipeline needs at least one step");
        }
        if (spec.params() != null) {
            spec.params().forEach((name, value) -> {
                if (!PARAM_NAME.matcher(name).matches()) {
                    problems.add("parameter name '" + name + "' must match " + PARAM_NAME.pattern());
                }
                if (value == null) {
                    problems.add("parameter '" + name + "' needs a default value (\"\" for one every build must set)");
                }
            });
        }
        if (spec.defaults() != null && (spec.defaults().name() != null || spec.defaults().needs() != null
                || spec.defaults().outputs() != null || spec.defaults().producesImage() != null)) {
            problems.add("defaults may not set name, needs, outputs or producesImage");
        }
    }

    private static Map<String, StepSpec> stepsByName(PipelineSpec spec, List<String> problems) {
        Map<String, StepSpec> byName = new LinkedHashMap<>();
        for (StepSpec step : spec.steps() == null ? List.<StepSpec>of() : spec.steps()) {
            if (step == null || step.name() == null || !STEP_NAME.matcher(step.name()).matches()) {
                problems.add("step name '" + (step == null ? null : step.name()) + "' must match " + STEP_NAME.pattern());
            } else if (byName.putIfAbsent(step.name(), step) != null) {
                problems.add("step '" + step.name() + "' is defined twice");
            }
        }
        return byName;
    }

    private static void checkNeeds(Map<String, StepSpec> byName, List<String> problems) {
        byName.values().forEach(step -> needsOf(step).forEach(need -> {
            if (need.equals(step.name())) {
                problems.add("step '" + step.name() + "' needs itself");
            } else if (!byName.containsKey(need)) {
                problems.add("step '" + step.name() + "' needs unknown step '" + need + "'");
            }
        }));
    }

    private static List<String> needsOf(StepSpec step) {
        return step.needs() == null ? List.of() : step.needs();
    }

    /** The first cycle found, as a path that starts and ends with the same step; empty when acyclic. */
    private static List<String> findCycle(Map<String, StepSpec> byName) {
        Map<String, Integer> mark = new HashMap<>();
        for (String start : byName.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            List<String> cycle = visit(start, byName, mark, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String name, Map<String, StepSpec> byName, Map<String, Integer> mark,
            Deque<String> path) {
        Integer state = mark.get(name);
        if (state != null && state == 2) {
            return List.of();
        }
        path.addLast(name);
        if (state != null) {
            List<String> trail = new ArrayList<>(path);
            return trail.subList(trail.indexOf(name), trail.size());
        }
        mark.put(name, 1);
        for (String need : needsOf(byName.get(name))) {
            if (byName.containsKey(need) && !need.equals(name)) {
                List<String> cycle = visit(need, byName, mark, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        mark.put(name, 2);
        path.removeLast();
        return List.of();
    }

    /** Kahn's algorithm, taking steps in declaration order whenever several are free. */
    private static List<String> topologicalOrder(Map<String, StepSpec> byName) {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < byName.size()) {
            for (StepSpec step : byName.values()) {
                if (!done.contains(step.name()) && done.containsAll(needsOf(step))) {
                    order.add(step.name());
                    done.add(step.name());
                    break;
                }
            }
        }
        return order;
    }

    private static void checkTemplates(StepDefinition step, Map<String, StepDefinition> steps,
            Map<String, String> params, List<String> problems) {
        Set<Scope> scopes = scopesOf(step);
        Set<String> upstream = ancestors(step.name(), steps);
        templates(step).forEach(t -> t.names().forEach(name -> checkName(step, name, scopes, upstream, steps, params,
                problems)));
    }

    private static Stream<Template> templates(StepDefinition step) {
        return Stream.of(Stream.of(step.image()), Stream.ofNullable(step.producesImage()), step.command().stream(),
                step.env().values().stream(), step.outputs().stream()).flatMap(s -> s);
    }

    private static void checkName(StepDefinition step, String name, Set<Scope> scopes, Set<String> upstream,
            Map<String, StepDefinition> steps, Map<String, String> params, List<String> problems) {
        String where = "step '" + step.name() + "': ${" + name + "}";
        Optional<Scope> fixed = TemplateVariables.scopeOf(name);
        Optional<String> param = TemplateVariables.param(name);
        Optional<String> imageOf = TemplateVariables.imageOfStep(name);
        if (fixed.isPresent()) {
            if (!scopes.contains(fixed.get())) {
                problems.add(where + " is only known in a step with " + (fixed.get() == Scope.ARCH ? "perArch" : "perVendor") + ": true");
            }
        } else if (param.isPresent()) {
            if (!params.containsKey(param.get())) {
                problems.add(where + " names an undeclared parameter (declare it under params)");
            }
        } else if (imageOf.isPresent()) {
            checkImageReference(where, imageOf.get(), scopes, upstream, steps, problems);
        } else {
            problems.add(where + " is not a known variable");
        }
    }

    private static void checkImageReference(String where, String producer, Set<Scope> scopes, Set<String> upstream,
            Map<String, StepDefinition> steps, List<String> problems) {
        StepDefinition source = steps.get(producer);
        if (source == null || !upstream.contains(producer)) {
            problems.add(where + ": step '" + producer + "' is not upstream of this step (add it to needs)");
        } else if (source.producesImage() == null) {
            problems.add(where + ": step '" + producer + "' declares no producesImage");
        } else if (!source.producesImage().names().stream().map(TemplateVariables::scopeOf).flatMap(Optional::stream)
                .allMatch(scopes::contains)) {
            problems.add(where + ": the image of '" + producer + "' depends on a fan-out this step does not have");
        }
    }

    private static Set<Scope> scopesOf(StepDefinition step) {
        Set<Scope> scopes = EnumSet.of(Scope.BUILD);
        if (step.perArch()) {
            scopes.add(Scope.ARCH);
        }
        if (step.perVendor()) {
            scopes.add(Scope.VENDOR);
        }
        return scopes;
    }

    private static Set<String> ancestors(String name, Map<String, StepDefinition> steps) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(steps.get(name).needs());
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(steps.get(next).needs());
            }
        }
        return seen;
    }
}
