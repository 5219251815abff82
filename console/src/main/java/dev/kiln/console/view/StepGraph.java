package dev.kiln.console.view;

import dev.kiln.console.client.Builds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A build's step runs as a graph: one node per run, an edge from each run it needs. A run needs the runs of each
 * needed step with the same arch and vendor, all of them when the needed step is fanned out and this one is not
 * (build-runner's rule, docs/api/build-runner.md).
 */
public record StepGraph(List<Node> nodes, List<Edge> edges) {

    /** {@code group} is the arch the run belongs to ({@code all} for runs of no arch): the layout's clusters. */
    public record Node(String run, String step, String arch, String vendor, String state, String group) {
    }

    public record Edge(String from, String to) {
    }

    public static StepGraph of(List<Builds.StepRun> runs) {
        List<Node> nodes = runs.stream().map(r -> new Node(r.run(), r.step(), r.arch(), r.vendor(), r.state(),
                r.arch() == null ? "all" : r.arch())).toList();
        List<Edge> edges = new ArrayList<>();
        for (Builds.StepRun run : runs) {
            for (String needed : run.needs() == null ? List.<String>of() : run.needs()) {
                runs.stream().filter(n -> n.step().equals(needed) && compatible(n.arch(), run.arch())
                        && compatible(n.vendor(), run.vendor())).forEach(n -> edges.add(new Edge(n.run(), run.run())));
            }
        }
        return new StepGraph(nodes, List.copyOf(edges));
    }

    private static boolean compatible(String upstream, String downstream) {
        return upstream == null || downstream == null || Objects.equals(upstream, downstream);
    }
}
