package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.TagOpt;

/** Fetches the remote's branches into the clone and learns its tags from the advertisement; timed as kiln.version.git.fetch. */
final class CloneFetcher {

    private final VersionConfig config;
    private final ScriptsClone clone;
    private final KnownTags tags;
    private final TagCommits tagCommits;
    private final GitAccess access;
    private final RemoteStatus status;
    private final Clock clock;
    private final Timer fetchTimer;

    CloneFetcher(VersionConfig config, ScriptsClone clone, KnownTags tags, TagCommits tagCommits, GitAccess access,
            RemoteStatus status, Clock clock, MeterRegistry meters) {
        this.config = config;
        this.clone = clone;
        this.tags = tags;
        this.tagCommits = tagCommits;
        this.access = access;
        this.status = status;
        this.clock = clock;
        this.fetchTimer = Timer.builder("kiln.version.git.fetch").description("Fetches of the scripts repository").register(meters);
    }

    /** Fetches (pruning deleted branches) and returns the remote as this fetch left it. */
    FetchedView refresh() {
        clone.writeLock().lock();
        try {
            Repository repo = clone.repo();
            FetchResult fetched = fetchTimer.record(() -> fetch(repo));
            tags.replace(RemoteTags.advertised(fetched.getAdvertisedRefs()));
            return new FetchedView(repo, config.versionFile(), tags.current(), tagCommits::localCommit);
        } catch (IOException e) {
            throw status.unavailable("cannot read the local clone", e, false);
        } finally {
            clone.writeLock().unlock();
        }
    }

    private FetchResult fetch(Repository repo) {
        try (Git git = Git.wrap(repo)) {
            FetchResult result = git.fetch().setRemote(LocalClone.REMOTE).setRefSpecs(LocalClone.FETCH_SPECS).setRemoveDeletedRefs(true)
                    .setTagOpt(TagOpt.NO_TAGS).setTransportConfigCallback(access::configure).call();
            status.fetched(clock.instant());
            return result;
        } catch (GitAPIException | RuntimeException e) {
            throw status.unavailable("cannot fetch " + config.scriptsRepoUrl(), e, false);
        }
    }
}
