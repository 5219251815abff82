package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.version.domain.AllocationPlan;
import dev.kiln.version.domain.DeleteOutcome;
import dev.kiln.version.domain.RepositoryView;
import dev.kiln.version.domain.ScriptsRepository;
import dev.kiln.version.domain.TagOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The scripts repository through a bare JGit clone that lives as long as the service: the domain's port,
 * each operation done by one small collaborator that shares the clone, its write lock and the known tags.
 */
@ApplicationScoped
public class JGitScriptsRepository implements ScriptsRepository {

    private final RemoteStatus status = new RemoteStatus();
    private final ScriptsClone clone;
    private final CloneFetcher fetcher;
    private final TagWriter writer;
    private final VersionCommits versionCommits;
    private final TagDeleter deleter;
    private final VersionFileReader reader;
    private final Repacker repacker;

    public JGitScriptsRepository(VersionConfig config, GitAccess access, TagSigning signing, Clock clock, MeterRegistry meters) {
        KnownTags tags = new KnownTags();
        this.clone = new ScriptsClone(config, status);
        TagCommits tagCommits = new TagCommits(clone, tags, access, status);
        RemotePush push = new RemotePush(config, clone, access, status, meters);
        this.fetcher = new CloneFetcher(config, clone, tags, tagCommits, access, status, clock, meters);
        this.versionCommits = new VersionCommits(config, clone, tagCommits, status);
        this.writer = new TagWriter(config, clone, tags, tagCommits, versionCommits, signing, push, status, clock);
        this.deleter = new TagDeleter(clone, tags, push, status);
        this.reader = new VersionFileReader(config, clone, tags, tagCommits, fetcher, status, clock);
        this.repacker = new Repacker(config, clone);
    }

    @Override
    public RepositoryView refresh() {
        return fetcher.refresh();
    }

    @Override
    public TagOutcome applyTag(AllocationPlan plan, boolean resuming) {
        return writer.applyTag(plan, resuming);
    }

    @Override
    public Optional<String> publishedCommit(AllocationPlan plan) {
        return versionCommits.published(plan);
    }

    @Override
    public DeleteOutcome deleteTag(String tag) {
        return deleter.delete(tag);
    }

    @Override
    public Optional<String> versionFileAt(String tag) {
        return reader.at(tag);
    }

    /** Repacks the clone when objects have piled up (see {@link Repacker}). */
    public void maintain() {
        repacker.repackIfDue();
    }

    /** The last fetch or push failure, or null when the last one succeeded. */
    public String lastError() {
        return status.lastError();
    }

    public Instant lastFetch() {
        return status.lastFetch();
    }

    @PreDestroy
    void close() {
        clone.close();
    }
}
