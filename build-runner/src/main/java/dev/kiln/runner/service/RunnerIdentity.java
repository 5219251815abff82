package dev.kiln.runner.service;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * This replica's name in build ownership records. Configured ({@code kiln.runner.instance-id}, e.g. a StatefulSet
 * pod name), or else kept in the work directory's {@code runner-id} file: a runner restarted on the same data
 * recognises its own leases and resumes its builds at once instead of waiting for them to expire.
 */
final class RunnerIdentity {

    static final String FILE = "runner-id";

    private static final Logger LOG = Logger.getLogger(RunnerIdentity.class);

    private RunnerIdentity() {
    }

    static String of(Optional<String> configured, Path workDir) {
        Optional<String> named = configured.map(String::strip).filter(s -> !s.isEmpty());
        if (named.isPresent()) {
            return named.get();
        }
        Path file = workDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String fresh = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(workDir);
            Path partial = Files.writeString(workDir.resolve(FILE + ".partial"), fresh + "\n");
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return fresh;
        } catch (IOException e) {
            String fresh = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
            LOG.warnf("cannot keep the runner's name in %s (%s): using %s, so after a restart its builds wait for their"
                    + " leases to expire", file, e.getMessage(), fresh);
            return fresh;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "runner";
        }
    }
}
