package dev.kiln.version.git;

import dev.kiln.version.domain.RepositoryUnavailableException;
import dev.kiln.version.domain.RepositoryView;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** The remote as one fetch left it: branches from the clone, tags from the advertisement; files read on demand. */
final class FetchedView implements RepositoryView {

    private final Repository repo;
    private final String versionFile;
    private final RemoteTags tags;
    private final Function<String, Optional<ObjectId>> tagCommit;
    private final Map<String, ObjectId> branches = new HashMap<>();

    /** {@code tagCommit} gives the commit of a tag with its objects present locally (fetching them if needed). */
    FetchedView(Repository repo, String versionFile, RemoteTags tags, Function<String, Optional<ObjectId>> tagCommit)
            throws IOException {
        this.repo = repo;
        this.versionFile = versionFile;
        this.tags = tags;
        this.tagCommit = tagCommit;
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(LocalClone.TRACKING)) {
            String name = ref.getName().substring(LocalClone.TRACKING.length());
            if (!Constants.HEAD.equals(name) && ref.getObjectId() != null) {
                branches.put(name, ref.getObjectId());
            }
        }
    }

    @Override
    public Set<String> branches() {
        return branches.keySet();
    }

    @Override
    public Collection<String> tagNames() {
        return tags.names();
    }

    @Override
    public Optional<String> versionFileAtBranch(String branch) {
        return read(branches.get(branch));
    }

    @Override
    public Optional<String> versionFileAtTag(String tag) {
        return tagCommit.apply(tag).flatMap(this::read);
    }

    private Optional<String> read(ObjectId commit) {
        try {
            return LocalClone.readFile(repo, commit, versionFile);
        } catch (IOException e) {
            throw new RepositoryUnavailableException("cannot read " + versionFile + " from the local clone: " + e.getMessage(), e, false);
        }
    }
}
