package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.jboss.logging.Logger;

/** Upkeep of the local clone: periodic repacks, and who serves a file:// remote. */
@ApplicationScoped
public class Maintenance {

    private static final Logger LOG = Logger.getLogger(Maintenance.class);
    private static final int MAX_PACKS = 20;

    private final JGitScriptsRepository repository;

    public Maintenance(JGitScriptsRepository repository) {
        this.repository = repository;
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void repackWhenDue() {
        repository.maintain();
    }

    /** Whether loose objects or small packs have piled up enough that reading objects slows down. */
    static boolean repackDue(Git git, long looseLimit) throws GitAPIException {
        Properties stats = git.gc().getStatistics();
        return number(stats, "numberOfLooseObjects") >= looseLimit || number(stats, "numberOfPackFiles") > MAX_PACKS;
    }

    /** The git binaries that serve a file:// remote, per kiln.version.git.local-server; empty means JGit in this process. */
    static Optional<LocalClone.LocalServerBinaries> localServer(VersionConfig config) {
        Optional<LocalClone.LocalServerBinaries> binaries = switch (config.git().localServer()) {
            case JGIT -> Optional.empty();
            case AUTO -> LocalClone.LocalServerBinaries.onPath();
            case GIT -> Optional.of(LocalClone.LocalServerBinaries.onPath().orElseThrow(() -> new IllegalStateException(
                    "kiln.version.git.local-server=git but git-upload-pack and git-receive-pack are not on PATH")));
        };
        if (config.scriptsRepoUrl().startsWith("file:")) {
            LOG.infof("the file:// remote is served by %s", binaries.map(b -> "the git binaries " + b.uploadPack() + ", "
                    + b.receivePack()).orElse("JGit in this process"));
        }
        return binaries;
    }

    private static long number(Properties stats, String key) {
        Object value = stats.get(key);
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
