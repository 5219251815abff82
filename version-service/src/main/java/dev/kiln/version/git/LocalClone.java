package dev.kiln.version.git;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jboss.logging.Logger;

/**
 * The service's bare clone of the scripts repository. Remote branches are tracked under
 * {@code refs/remotes/origin/}, tags are mirrored (and pruned) under {@code refs/tags/}. No work tree:
 * commits are built from objects, so nothing is ever checked out.
 */
final class LocalClone {

    static final String REMOTE = "origin";
    static final String TRACKING = "refs/remotes/" + REMOTE + "/";
    static final List<RefSpec> FETCH_SPECS = List.of(
            new RefSpec("+" + Constants.R_HEADS + "*:" + TRACKING + "*"),
            new RefSpec("+" + Constants.R_TAGS + "*:" + Constants.R_TAGS + "*"));
    private static final Logger LOG = Logger.getLogger(LocalClone.class);
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private LocalClone() {
    }

    /** Opens the clone in {@code dir}, creating it if needed, and points its remote at {@code url}. */
    static Repository open(Path dir, String url) throws IOException {
        Files.createDirectories(dir);
        removeStaleLocks(dir);
        if (!Files.isRegularFile(dir.resolve("HEAD")) || !Files.isDirectory(dir.resolve("objects"))) {
            try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
                LOG.infof("created the local clone %s", dir);
            } catch (GitAPIException e) {
                throw new IOException("cannot create a clone in " + dir + ": " + e.getMessage(), e);
            }
        }
        Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        configureRemote(repo, url);
        return repo;
    }

    /** The text of {@code path} in the tree of the commit {@code commitish} points at, if there is such a file. */
    static Optional<String> readFile(Repository repo, ObjectId commitish, String path) throws IOException {
        if (commitish == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitish);
            try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tree == null || !tree.getFileMode(0).equals(org.eclipse.jgit.lib.FileMode.REGULAR_FILE)
                        && !tree.getFileMode(0).equals(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE)) {
                    return Optional.empty();
                }
                ObjectLoader blob = repo.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                return Optional.of(new String(blob.getCachedBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
            }
        }
    }

    private static void configureRemote(Repository repo, String url) throws IOException {
        StoredConfig config = repo.getConfig();
        try {
            RemoteConfig remote = new RemoteConfig(config, REMOTE);
            List<URIish> wanted = List.of(new URIish(url));
            if (!remote.getURIs().equals(wanted) || !remote.getFetchRefSpecs().equals(FETCH_SPECS)) {
                remote.getURIs().forEach(remote::removeURI);
                wanted.forEach(remote::addURI);
                remote.getFetchRefSpecs().forEach(remote::removeFetchRefSpec);
                FETCH_SPECS.forEach(remote::addFetchRefSpec);
                remote.update(config);
                config.save();
            }
        } catch (URISyntaxException e) {
            throw new IOException("the scripts repository URL is not a git URL: " + e.getMessage(), e);
        }
    }

    /** A process killed mid-update leaves *.lock files that would block every later ref update; this process owns the clone. */
    private static void removeStaleLocks(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path lock : files.filter(p -> p.getFileName().toString().endsWith(".lock")).toList()) {
                LOG.warnf("removing stale lock file %s", lock);
                Files.deleteIfExists(lock);
            }
        }
    }
}
