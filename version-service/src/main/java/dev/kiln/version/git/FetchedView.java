package dev.kiln.version.git;

import dev.kiln.version.domain.RepositoryUnavailableException;
import dev.kiln.version.domain.RepositoryView;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** The remote's branches and tags as one fetch left them in the local clone; files are read on demand. */
final class FetchedView implements RepositoryView {

    private final Repository repo;
    private final String versionFile;
    private final Map<String, ObjectId> branches = new HashMap<>();
    private final Map<String, ObjectId> tags = new HashMap<>();

    FetchedView(Repository repo, String versionFile) throws IOException {
        this.repo = repo;
        this.versionFile = versionFile;
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(LocalClone.TRACKING)) {
            String name = ref.getName().substring(LocalClone.TRACKING.length());
            if (!Constants.HEAD.equals(name) && ref.getObjectId() != null) {
                branches.put(name, ref.getObjectId());
            }
        }
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            tags.put(ref.getName().substring(Constants.R_TAGS.length()), ref.getObjectId());
        }
    }

    @Override
    public Set<String> branches() {
        return branches.keySet();
    }

    @Override
    public Collection<String> tagNames() {
        return tags.keySet();
    }

    @Override
    public Optional<String> versionFileAtBranch(String branch) {
        return read(branches.get(branch));
    }

    @Override
    public Optional<String> versionFileAtTag(String tag) {
        return read(tags.get(tag));
    }

    private Optional<String> read(ObjectId commitish) {
        try {
            return LocalClone.readFile(repo, commitish, versionFile);
        } catch (IOException e) {
            throw new RepositoryUnavailableException("cannot read " + versionFile + " from the local clone: " + e.getMessage(), e, false);
        }
    }
}
