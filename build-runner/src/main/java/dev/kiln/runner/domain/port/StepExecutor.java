package dev.kiln.runner.domain.port;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs step run attempts somewhere (Kubernetes Jobs, local processes). Every method is idempotent per
 * {@link RunHandle}: launching an attempt that exists already, or stopping one that is gone, changes
 * nothing. Executors never decide what a result means; the reconciler does.
 */
public interface StepExecutor {

    /** {@code kubernetes} or {@code local}: recorded in step events. */
    String name();

    /** Starts the attempt unless it exists already. */
    void launch(StepLaunch launch);

    /** What is known about the attempt now; cheap (from a cache or the process table). */
    Observation observe(RunHandle handle);

    /** Stops the attempt and everything it started. */
    void stop(RunHandle handle);

    /**
     * The attempt's output so far (live while it runs), or why there is none. Asks the authority (the API
     * server) when a cache has nothing; throws {@link PortException} when it cannot tell now.
     */
    AttemptLog openLog(RunHandle handle);

    /** Releases what the executor keeps for a finished attempt whose log has been stored. */
    void forget(RunHandle handle);

    /** The attempts this executor currently has (Jobs by label, live processes), to find strays. */
    Set<RunHandle> known();

    /**
     * Whether the attempt still runs, asked of the authority (the API server, the process table), never of
     * a cache that may be behind. False when it has finished, is gone, or cannot be told now: an attempt is
     * only stopped as a stray when this confirms it.
     */
    boolean confirmRunning(RunHandle handle);

    /** What operators see for the attempt: the Job name, or the local work directory. */
    String referenceOf(RunHandle handle);

    /** Registers who to tell (with a build id) when something about one of that build's attempts changed. */
    void onChange(Consumer<String> buildChanged);

    /**
     * Finished attempts whose logs the executor still holds from before the runner restarted and that were never
     * stored (the runner died between deciding a run and shipping its log); the engine ships them on start.
     */
    default Set<RunHandle> logsLeftBehind() {
        return Set.of();
    }

    /** The build ended: what the executor keeps for the build as a whole (not per attempt) can go. */
    default void buildFinished(String buildId) {
    }
}
