package dev.kiln.runner.execution.local;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stops a step's whole process tree: the step runs as leader of its own session and process group
 * ({@code setsid}), so a signal to the group reaches every process it started, including those that left
 * its parent; descendants still known to the JVM are signalled too. SIGTERM first, SIGKILL after a grace.
 */
final class ProcessTree {

    private static final Logger LOG = Logger.getLogger(ProcessTree.class);

    private ProcessTree() {
    }

    static void kill(long leaderPid, long graceMillis, ScheduledExecutorService timer) {
        List<ProcessHandle> descendants = ProcessHandle.of(leaderPid).map(p -> p.descendants().toList()).orElse(List.of());
        signalGroup(leaderPid, "TERM");
        descendants.forEach(ProcessHandle::destroy);
        ProcessHandle.of(leaderPid).ifPresent(ProcessHandle::destroy);
        timer.schedule(() -> {
            signalGroup(leaderPid, "KILL");
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            ProcessHandle.of(leaderPid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }, graceMillis, TimeUnit.MILLISECONDS);
    }

    /** {@code kill -<signal> -- -<pgid>}: every process of the group, wherever it was re-parented. */
    static void signalGroup(long pgid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warnf("cannot signal process group %d: %s", pgid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
