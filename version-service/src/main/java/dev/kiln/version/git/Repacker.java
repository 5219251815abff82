package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.jboss.logging.Logger;

/**
 * Repacks the clone when loose objects (every allocation writes a few) or packs have piled up; objects no
 * branch reaches (pushed dev tags, tags fetched to be read) are pruned.
 */
final class Repacker {

    private static final Logger LOG = Logger.getLogger(Repacker.class);

    private final VersionConfig config;
    private final ScriptsClone clone;

    Repacker(VersionConfig config, ScriptsClone clone) {
        this.config = config;
        this.clone = clone;
    }

    /** Does nothing before the clone is opened; a failure is only logged, as the next run tries again. */
    void repackIfDue() {
        if (!clone.isOpen()) {
            return;
        }
        clone.writeLock().lock();
        try (Git git = Git.wrap(clone.repo())) {
            if (Maintenance.repackDue(git, config.git().repackAfterObjects())) {
                long started = System.nanoTime();
                LocalClone.deleteRefs(clone.repo(), LocalClone.FETCHED_TAGS);
                git.gc().call();
                LOG.infof("repacked the local clone in %d ms", (System.nanoTime() - started) / 1_000_000);
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            LOG.warnf("repacking the local clone failed (harmless, retried later): %s", e.getMessage());
        } finally {
            clone.writeLock().unlock();
        }
    }
}
