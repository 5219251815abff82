package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/** version.txt at a tag, for the API's reads: a tag not known yet is looked for with one fetch, at most every few seconds. */
final class VersionFileReader {

    /** Unknown tags asked for in a burst share one fetch instead of each fetching. */
    private static final Duration REFETCH_FOR_READ_AFTER = Duration.ofSeconds(5);

    private final VersionConfig config;
    private final ScriptsClone clone;
    private final KnownTags tags;
    private final TagCommits tagCommits;
    private final CloneFetcher fetcher;
    private final RemoteStatus status;
    private final Clock clock;

    VersionFileReader(VersionConfig config, ScriptsClone clone, KnownTags tags, TagCommits tagCommits, CloneFetcher fetcher,
            RemoteStatus status, Clock clock) {
        this.config = config;
        this.clone = clone;
        this.tags = tags;
        this.tagCommits = tagCommits;
        this.fetcher = fetcher;
        this.status = status;
        this.clock = clock;
    }

    Optional<String> at(String tag) {
        try {
            if (tags.current().object(tag) == null && fetchedLongAgo()) {
                fetcher.refresh();
            }
            Optional<ObjectId> commit = tagCommits.localCommit(tag);
            return commit.isEmpty() ? Optional.empty() : LocalClone.readFile(clone.repo(), commit.get(), config.versionFile());
        } catch (IOException e) {
            throw status.unavailable("cannot read tag " + tag, e, false);
        }
    }

    private boolean fetchedLongAgo() {
        Instant last = status.lastFetch();
        return last == null || last.isBefore(clock.instant().minus(REFETCH_FOR_READ_AFTER));
    }
}
