package dev.kiln.version.git;

import dev.kiln.version.domain.DeleteOutcome;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.jboss.logging.Logger;

/** Deletes a tag on the remote, only if it still points where the last fetch saw it, and forgets it locally. */
final class TagDeleter {

    private static final Logger LOG = Logger.getLogger(TagDeleter.class);

    private final ScriptsClone clone;
    private final KnownTags tags;
    private final RemotePush push;
    private final RemoteStatus status;

    TagDeleter(ScriptsClone clone, KnownTags tags, RemotePush push, RemoteStatus status) {
        this.clone = clone;
        this.tags = tags;
        this.push = push;
        this.status = status;
    }

    DeleteOutcome delete(String tag) {
        clone.writeLock().lock();
        try {
            String name = Constants.R_TAGS + tag;
            ObjectId current = tags.current().object(tag);
            if (current == null) {
                return DeleteOutcome.ABSENT;
            }
            RemoteRefUpdate delete = new RemoteRefUpdate(clone.repo(), (String) null, name, false, null, current);
            RemoteRefUpdate.Status outcome = push.send(List.of(delete)).getRemoteUpdate(name).getStatus();
            if (outcome == RemoteRefUpdate.Status.OK || outcome == RemoteRefUpdate.Status.NON_EXISTING) {
                tags.update(known -> known.without(tag));
                LocalClone.deleteRef(clone.repo(), LocalClone.FETCHED_TAGS + tag);
                return outcome == RemoteRefUpdate.Status.OK ? DeleteOutcome.DELETED : DeleteOutcome.ABSENT;
            }
            LOG.infof("deleting tag %s was rejected: %s %s", tag, outcome, delete.getMessage());
            return DeleteOutcome.REJECTED;
        } catch (IOException e) {
            throw status.unavailable("cannot delete tag " + tag, e, true);
        } finally {
            clone.writeLock().unlock();
        }
    }
}
