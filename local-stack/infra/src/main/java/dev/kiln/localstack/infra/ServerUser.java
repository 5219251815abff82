package dev.kiln.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL refuses to run as root. When this JVM is root, its servers run as the unprivileged
 * {@code postgres} account (or {@code nobody}) through {@code setpriv}; otherwise as the current user.
 */
record ServerUser(int uid, int gid) {

    static Optional<ServerUser> unprivilegedIfRoot() {
        if (currentUid() != 0) {
            return Optional.empty();
        }
        return lookup("postgres").or(() -> lookup("nobody")).or(() -> {
            throw new IllegalStateException("running as root, and neither a 'postgres' nor a 'nobody' account exists"
                    + " for PostgreSQL to run as");
        });
    }

    /**
     * {@code command} prefixed so that it runs as this user. Changing the uid clears a parent-death signal
     * set before, so the same setpriv sets it again after the switch.
     */
    List<String> wrap(List<String> command, String deathSignal) {
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--pdeathsig", deathSignal, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands {@code dir} to this user and checks that the user can reach it. */
    void own(Path dir) {
        try {
            Files.setAttribute(dir, "unix:uid", uid);
            Files.setAttribute(dir, "unix:gid", gid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to uid " + uid, e);
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                int mode = (Integer) Files.getAttribute(p, "unix:mode");
                if ((mode & 0001) == 0) {
                    throw new IllegalStateException("PostgreSQL runs as uid " + uid + " (root is refused) and cannot"
                            + " enter " + p + "; put the data directory under a world-traversable path");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static Optional<ServerUser> lookup(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream()
                    .map(line -> line.split(":"))
                    .filter(f -> f.length > 3 && f[0].equals(name))
                    .findFirst()
                    .map(f -> new ServerUser(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
