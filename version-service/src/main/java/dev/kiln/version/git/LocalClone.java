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
 * {@code refs/remotes/origin/}; tags are not copied (see {@link RemoteTags}). No work tree: commits are built
 * from objects, so nothing is ever checked out. Unreachable objects (pushed dev tags) are pruned at repack.
 */
final class LocalClone {

    static final String REMOTE = "origin";
    static final String TRACKING = "refs/remotes/" + REMOTE + "/";
    /** Branches only: tags are known from the advertisement (see {@link RemoteTags}). */
    static final List<RefSpec> FETCH_SPECS = List.of(new RefSpec("+" + Constants.R_HEADS + "*:" + TRACKING + "*"));
    /** Where the objects of a tag are kept after they were fetched to be read (a free-standing dev tag). */
    static final String FETCHED_TAGS = "refs/kiln/tags/";
    private static final Logger LOG = Logger.getLogger(LocalClone.class);
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private LocalClone() {
    }

    /**
     * Opens the clone in {@code dir}, creating it if needed, and points its remote at {@code url}; a file://
     * remote is served by the given git binaries when present, else by JGit in this process.
     */
    static Repository open(Path dir, String url, Optional<LocalServerBinaries> binaries) throws IOException {
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
        configureRemote(repo, url, binaries);
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

    /** Deletes one ref if it exists. */
    static void deleteRef(Repository repo, String name) throws IOException {
        if (repo.exactRef(name) != null) {
            org.eclipse.jgit.lib.RefUpdate update = repo.updateRef(name);
            update.setForceUpdate(true);
            update.delete();
        }
    }

    /** Deletes every ref under a prefix. */
    static void deleteRefs(Repository repo, String prefix) throws IOException {
        for (org.eclipse.jgit.lib.Ref ref : repo.getRefDatabase().getRefsByPrefix(prefix)) {
            deleteRef(repo, ref.getName());
        }
    }

    /** The git programs that serve a local repository, as the git CLI runs them for file:// remotes. */
    record LocalServerBinaries(Path uploadPack, Path receivePack) {

        /** Both programs from PATH, if there. */
        static Optional<LocalServerBinaries> onPath() {
            Optional<Path> upload = onPath("git-upload-pack");
            Optional<Path> receive = onPath("git-receive-pack");
            return upload.isPresent() && receive.isPresent()
                    ? Optional.of(new LocalServerBinaries(upload.get(), receive.get())) : Optional.empty();
        }

        private static Optional<Path> onPath(String program) {
            String path = System.getenv("PATH");
            return path == null ? Optional.empty() : java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                    .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
        }
    }

    private static void configureRemote(Repository repo, String url, Optional<LocalServerBinaries> binaries) throws IOException {
        StoredConfig config = repo.getConfig();
        try {
            RemoteConfig remote = new RemoteConfig(config, REMOTE);
            // copies: the getters are views of the lists that removing changes, so a clone kept from an earlier run
            // (which has a URI and refspecs already) would fail here with ConcurrentModificationException
            List.copyOf(remote.getURIs()).forEach(remote::removeURI);
            remote.addURI(new URIish(url));
            List.copyOf(remote.getFetchRefSpecs()).forEach(remote::removeFetchRefSpec);
            FETCH_SPECS.forEach(remote::addFetchRefSpec);
            remote.update(config);
            config.setString("gc", null, "pruneExpire", "now");
            // protocol v0 advertises every ref with its peeled commit; v2 would list only what the refspecs fetch
            config.setInt("protocol", null, "version", 0);
            if (url.startsWith("file:") && binaries.isPresent()) {
                config.setString("remote", REMOTE, "uploadpack", binaries.get().uploadPack().toString());
                config.setString("remote", REMOTE, "receivepack", binaries.get().receivePack().toString());
            } else {
                config.unset("remote", REMOTE, "uploadpack");
                config.unset("remote", REMOTE, "receivepack");
            }
            config.save();
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
