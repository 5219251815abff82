package dev.kiln.runner.domain.build;

import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepLaunch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reconcile pass decided beyond the state it changed: attempts to launch and to stop, logs to store,
 * cache paths it needed but could not see, and when the build wants to be looked at again.
 */
public final class ReconcileResult {

    /** Store the log of a finished attempt at {@code path} in the cache. */
    public record LogUpload(RunHandle handle, String path) {
    }

    private final List<StepLaunch> launches = new ArrayList<>();
    private final List<RunHandle> stops = new ArrayList<>();
    private final List<LogUpload> logs = new ArrayList<>();
    private final List<String> unknownPaths = new ArrayList<>();
    private Instant wakeAt;

    void launch(StepLaunch launch) {
        launches.add(launch);
    }

    void stop(RunHandle handle) {
        stops.add(handle);
    }

    void storeLog(RunHandle handle, String path) {
        logs.add(new LogUpload(handle, path));
    }

    void unknown(String path) {
        unknownPaths.add(path);
    }

    void wakeAt(Instant at) {
        if (wakeAt == null || at.isBefore(wakeAt)) {
            wakeAt = at;
        }
    }

    public List<StepLaunch> launches() {
        return launches;
    }

    public List<RunHandle> stops() {
        return stops;
    }

    public List<LogUpload> logs() {
        return logs;
    }

    /** Cache paths the pass needed but the {@link CacheView} did not know: look them up and pass again. */
    public List<String> unknownPaths() {
        return unknownPaths;
    }

    /** The earliest time a retry backoff or a scheduling limit expires, or null. */
    public Instant wakeAt() {
        return wakeAt;
    }
}
