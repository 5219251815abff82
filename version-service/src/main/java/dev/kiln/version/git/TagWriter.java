package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.version.domain.AllocationPlan;
import dev.kiln.version.domain.TagOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.jboss.logging.Logger;

/** Flatcar's tag rule: commit version.txt on the base branch, then reuse an identical tag, refuse a different one, or push a new one. */
final class TagWriter {

    private static final Logger LOG = Logger.getLogger(TagWriter.class);

    private final VersionConfig config;
    private final ScriptsClone clone;
    private final KnownTags tags;
    private final TagCommits tagCommits;
    private final VersionCommits versionCommits;
    private final TagSigning signing;
    private final RemotePush push;
    private final RemoteStatus status;
    private final Clock clock;

    TagWriter(VersionConfig config, ScriptsClone clone, KnownTags tags, TagCommits tagCommits, VersionCommits versionCommits,
            TagSigning signing, RemotePush push, RemoteStatus status, Clock clock) {
        this.config = config;
        this.clone = clone;
        this.tags = tags;
        this.tagCommits = tagCommits;
        this.versionCommits = versionCommits;
        this.signing = signing;
        this.push = push;
        this.status = status;
        this.clock = clock;
    }

    TagOutcome applyTag(AllocationPlan plan, boolean resuming) {
        clone.writeLock().lock();
        try (RevWalk walk = new RevWalk(clone.repo()); ObjectInserter inserter = clone.repo().newObjectInserter()) {
            Ref baseRef = clone.repo().exactRef(LocalClone.TRACKING + plan.baseBranch());
            if (baseRef == null) {
                return new TagOutcome.Conflict("branch " + plan.baseBranch() + " no longer exists on the remote");
            }
            RevCommit base = walk.parseCommit(baseRef.getObjectId());
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, plan.file().render().getBytes(StandardCharsets.UTF_8));
            ObjectId tree = TreeEdit.withFile(walk.getObjectReader(), inserter, base.getTree(), config.versionFile(), blob);
            if (tags.current().object(plan.tag().name()) != null) {
                return existingTag(walk, tree, blob, plan, resuming);
            }
            PersonIdent ident = ident();
            boolean ownHead = base.getTree().equals(tree) && versionCommits.carries(walk, base, plan, blob);
            ObjectId commit = ownHead ? base : VersionObjects.commit(inserter, tree, base, ident, plan);
            ObjectId tag = VersionObjects.tag(inserter, clone.repo(), commit, ident, plan.tag(), signing.signerFor(plan.tag()));
            inserter.flush();
            return pushTag(plan, base, commit, !ownHead, tag);
        } catch (IOException e) {
            throw status.unavailable("cannot build the version commit of " + plan.tag(), e, false);
        } finally {
            clone.writeLock().unlock();
        }
    }

    private TagOutcome existingTag(RevWalk walk, ObjectId tree, ObjectId blob, AllocationPlan plan, boolean resuming) throws IOException {
        Optional<ObjectId> commit = tagCommits.localCommit(plan.tag().name());
        if (commit.isEmpty()) {
            return new TagOutcome.Conflict("tag " + plan.tag() + " already exists on the remote and points at no commit");
        }
        RevCommit tagged = walk.parseCommit(commit.get());
        if (tagged.getTree().equals(tree) || resuming && versionCommits.carries(walk, tagged, plan, blob)) {
            return new TagOutcome.Tagged(tagged.name(), true);
        }
        return new TagOutcome.Conflict("tag " + plan.tag() + " already exists on the remote with a different tree (commit "
                + tagged.abbreviate(12).name() + ")");
    }

    private TagOutcome pushTag(AllocationPlan plan, RevCommit base, ObjectId commit, boolean moveBranch, ObjectId tag) throws IOException {
        List<RemoteRefUpdate> updates = new ArrayList<>();
        if (plan.pushBranch() != null && moveBranch) {
            String branch = Constants.R_HEADS + plan.pushBranch();
            updates.add(new RemoteRefUpdate(clone.repo(), null, commit, branch, false, LocalClone.TRACKING + plan.pushBranch(),
                    plan.createBranch() ? ObjectId.zeroId() : base));
        }
        String tagRef = Constants.R_TAGS + plan.tag().name();
        updates.add(new RemoteRefUpdate(clone.repo(), null, tag, tagRef, false, null, ObjectId.zeroId()));
        push.send(updates);
        List<String> rejected = updates.stream()
                .filter(u -> u.getStatus() != RemoteRefUpdate.Status.OK && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE)
                .map(u -> u.getRemoteName() + " " + u.getStatus() + (u.getMessage() == null ? "" : " (" + u.getMessage() + ")"))
                .toList();
        if (!rejected.isEmpty()) {
            return new TagOutcome.Rejected(String.join(", ", rejected));
        }
        tags.update(known -> known.with(plan.tag().name(), tag, commit));
        LOG.infof("pushed %s (commit %s%s)", plan.tag(), commit.name(), moveBranch && plan.pushBranch() != null ? " on " + plan.pushBranch() : "");
        return new TagOutcome.Tagged(commit.name(), false);
    }

    private PersonIdent ident() {
        return new PersonIdent(config.git().authorName(), config.git().authorEmail(), clock.instant(), ZoneOffset.UTC);
    }
}
