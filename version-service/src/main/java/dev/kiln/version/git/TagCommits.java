package dev.kiln.version.git;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/** The commit a remote tag peels to, with its objects present in the clone: fetched once if only the remote has them. */
final class TagCommits {

    private final ScriptsClone clone;
    private final KnownTags tags;
    private final GitAccess access;
    private final RemoteStatus status;

    TagCommits(ScriptsClone clone, KnownTags tags, GitAccess access, RemoteStatus status) {
        this.clone = clone;
        this.tags = tags;
        this.access = access;
        this.status = status;
    }

    /** Empty when the remote had no such tag at the last fetch. */
    Optional<ObjectId> localCommit(String tag) {
        ObjectId commit = tags.current().commit(tag);
        if (commit == null) {
            return Optional.empty();
        }
        try {
            if (clone.repo().getObjectDatabase().has(commit)) {
                return Optional.of(commit);
            }
        } catch (IOException e) {
            throw status.unavailable("cannot read the local clone", e, false);
        }
        return fetchTag(tag, commit);
    }

    /** Keeps the tag under {@link LocalClone#FETCHED_TAGS} so that its objects stay until the next repack. */
    private Optional<ObjectId> fetchTag(String tag, ObjectId commit) {
        clone.writeLock().lock();
        try (Git git = Git.wrap(clone.repo())) {
            git.fetch().setRemote(LocalClone.REMOTE).setRefSpecs(new RefSpec("+" + Constants.R_TAGS + tag + ":" + LocalClone.FETCHED_TAGS + tag))
                    .setTagOpt(TagOpt.NO_TAGS).setTransportConfigCallback(access::configure).call();
            return clone.repo().getObjectDatabase().has(commit) ? Optional.of(commit) : Optional.empty();
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw status.unavailable("cannot fetch tag " + tag, e, false);
        } finally {
            clone.writeLock().unlock();
        }
    }
}
