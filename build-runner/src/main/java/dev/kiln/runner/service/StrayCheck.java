package dev.kiln.runner.service;

import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Finds and stops stray attempts: ones the executor still runs but no active step run of an unfinished
 * build claims (a build cancelled while a launch was in flight, a run failed over to another attempt).
 * Each build is read once. The executor's list may come from a cache that is behind (a Job shown running
 * that has just completed, and whose run has succeeded), so each candidate is confirmed with the
 * executor's authority before it is stopped.
 */
final class StrayCheck {

    private static final Logger LOG = Logger.getLogger(StrayCheck.class);

    private final StepExecutor executor;
    private final Function<String, Optional<Build>> unfinishedBuild;

    /** {@code unfinishedBuild} reads a build by id, empty when it does not exist or has ended. */
    StrayCheck(StepExecutor executor, Function<String, Optional<Build>> unfinishedBuild) {
        this.executor = executor;
        this.unfinishedBuild = unfinishedBuild;
    }

    /** Stops every confirmed stray and returns them. */
    List<RunHandle> stopAll() {
        List<RunHandle> stopped = new ArrayList<>();
        for (RunHandle handle : unclaimed()) {
            if (executor.confirmRunning(handle)) {
                LOG.warnf("%s: stopping a stray attempt (%s)", handle, executor.referenceOf(handle));
                executor.stop(handle);
                stopped.add(handle);
            }
        }
        return stopped;
    }

    private List<RunHandle> unclaimed() {
        Map<String, List<RunHandle>> byBuild = executor.known().stream()
                .collect(Collectors.groupingBy(RunHandle::buildId));
        List<RunHandle> unclaimed = new ArrayList<>();
        byBuild.forEach((buildId, handles) -> {
            Optional<Build> build = unfinishedBuild.apply(buildId);
            handles.stream().filter(handle -> !claimed(build, handle)).forEach(unclaimed::add);
        });
        if (unclaimed.isEmpty()) {
            return unclaimed;
        }
        Set<RunHandle> stillKnown = executor.known();
        unclaimed.removeIf(handle -> !stillKnown.contains(handle));
        return unclaimed;
    }

    private static boolean claimed(Optional<Build> build, RunHandle handle) {
        return build.flatMap(b -> b.run(handle.runKey()))
                .filter(run -> run.state().isActive() && run.attempt() == handle.attempt()).isPresent();
    }
}
