package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.version.domain.AllocationPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Recognises a plan's own {@code New version} commit, so that a retried allocation adopts the tag it pushed before. */
final class VersionCommits {

    private final VersionConfig config;
    private final ScriptsClone clone;
    private final TagCommits tagCommits;
    private final RemoteStatus status;

    VersionCommits(VersionConfig config, ScriptsClone clone, TagCommits tagCommits, RemoteStatus status) {
        this.config = config;
        this.clone = clone;
        this.tagCommits = tagCommits;
        this.status = status;
    }

    /** The commit of the plan's tag, if the remote (as last fetched) has it carrying this plan's version.txt. */
    Optional<String> published(AllocationPlan plan) {
        try (RevWalk walk = new RevWalk(clone.repo())) {
            Optional<ObjectId> commit = tagCommits.localCommit(plan.tag().name());
            if (commit.isEmpty()) {
                return Optional.empty();
            }
            RevCommit tagged = walk.parseCommit(commit.get());
            return carries(walk, tagged, plan, blobId(plan)) ? Optional.of(tagged.name()) : Optional.empty();
        } catch (IOException e) {
            throw status.unavailable("cannot read tag " + plan.tag(), e, false);
        }
    }

    /** Whether {@code commit} is this plan's {@code New version} commit with this plan's version.txt ({@code blob}). */
    boolean carries(RevWalk walk, RevCommit commit, AllocationPlan plan, ObjectId blob) throws IOException {
        walk.parseBody(commit);
        if (!plan.commitSubject().equals(commit.getShortMessage())) {
            return false;
        }
        try (TreeWalk file = TreeWalk.forPath(clone.repo(), config.versionFile(), commit.getTree())) {
            return file != null && file.getObjectId(0).equals(blob);
        }
    }

    private static ObjectId blobId(AllocationPlan plan) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, plan.file().render().getBytes(StandardCharsets.UTF_8));
    }
}
