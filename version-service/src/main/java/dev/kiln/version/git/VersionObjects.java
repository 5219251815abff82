package dev.kiln.version.git;

import dev.kiln.version.domain.AllocationPlan;
import dev.kiln.flatcar.Tag;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.lib.TagBuilder;

/** The commit and annotated tag Flatcar's update_and_push_version makes, built as objects. */
final class VersionObjects {

    private VersionObjects() {
    }

    /** {@code New version: <tag>} with a {@code Signed-off-by:} trailer, as {@code git commit --signoff} writes it. */
    static String commitMessage(AllocationPlan plan, PersonIdent ident) {
        return plan.commitSubject() + "\n\nSigned-off-by: " + ident.getName() + " <" + ident.getEmailAddress() + ">\n";
    }

    static ObjectId commit(ObjectInserter inserter, ObjectId tree, ObjectId parent, PersonIdent ident, AllocationPlan plan)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(commitMessage(plan, ident));
        return inserter.insert(commit);
    }

    /** An annotated tag whose message is its name (git tag --message=&lt;tag&gt;), signed when a signer is given. */
    static ObjectId tag(ObjectInserter inserter, Repository repo, ObjectId commit, PersonIdent ident, Tag tag,
            Optional<? extends Signer> signer) throws IOException {
        TagBuilder builder = new TagBuilder();
        builder.setObjectId(commit, Constants.OBJ_COMMIT);
        builder.setTag(tag.name());
        builder.setTagger(ident);
        builder.setMessage(tag.name() + "\n");
        if (signer.isPresent()) {
            try {
                signer.get().signObject(repo, new GpgConfig(repo.getConfig()), builder, ident, null, null);
            } catch (CanceledException | UnsupportedSigningFormatException e) {
                throw new IOException("cannot sign " + tag + ": " + e.getMessage(), e);
            }
        }
        return inserter.insert(builder);
    }
}
