package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;

/**
 * The bare local clone's lifecycle: opened (created if needed) on first use, closed with the service. Its write
 * lock serialises fetches, pushes and repacks in this process; reads of objects run beside them.
 */
final class ScriptsClone {

    private final VersionConfig config;
    private final RemoteStatus status;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object openLock = new Object();
    private volatile Repository repository;

    ScriptsClone(VersionConfig config, RemoteStatus status) {
        this.config = config;
        this.status = status;
    }

    /** The clone, opened on first use. */
    Repository repo() {
        Repository repo = repository;
        if (repo != null) {
            return repo;
        }
        synchronized (openLock) {
            if (repository == null) {
                try {
                    repository = LocalClone.open(config.workDir().resolve("scripts.git"), config.scriptsRepoUrl(),
                            Maintenance.localServer(config));
                } catch (IOException e) {
                    throw status.unavailable("cannot open the local clone in " + config.workDir(), e, false);
                }
            }
            return repository;
        }
    }

    boolean isOpen() {
        return repository != null;
    }

    /** Held while the clone's refs or the remote change. */
    ReentrantLock writeLock() {
        return writeLock;
    }

    void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
