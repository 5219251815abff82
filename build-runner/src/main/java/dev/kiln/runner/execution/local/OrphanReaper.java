package dev.kiln.runner.execution.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Finds step processes left running by a runner that died without stopping them (their pid files under the
 * work directory) and kills their process groups, so that a retried attempt never runs beside its
 * predecessor. A pid is only trusted while that process's working directory is still inside the attempt.
 */
final class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class);

    private OrphanReaper() {
    }

    static void killLeftovers(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> pidFiles = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("pid"))) {
            pidFiles.forEach(OrphanReaper::killIfOurs);
        } catch (IOException e) {
            LOG.warnf("cannot look for leftover step processes under %s: %s", root, e.getMessage());
        }
    }

    private static void killIfOurs(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            if (cwd.startsWith(pidFile.getParent())) {
                LOG.warnf("killing leftover step process group %d of %s", pid, pidFile.getParent());
                ProcessTree.signalGroup(pid, "KILL");
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }
}
