package dev.kiln.version.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare scripts repository on disk, served over file://, written and inspected directly: seeded with a
 * history shaped like Flatcar's (release branches, release tags, nightlies), and able to play "another
 * clone" that pushes in between.
 */
public final class ScriptsRemote {

    public static final String VERSION_FILE = "sdk_container/.repo/manifests/version.txt";
    private static final PersonIdent FLATCAR_CI = new PersonIdent("flatcar-ci", "infra+ci@flatcar-linux.org",
            Instant.parse("2026-08-21T21:00:00Z"), ZoneOffset.UTC);

    private final Path dir;

    private ScriptsRemote(Path dir) {
        this.dir = dir;
    }

    public static ScriptsRemote at(Path dir) {
        return new ScriptsRemote(dir);
    }

    /** Creates an empty bare repository that accepts non-fast-forward pushes only if a test forces them. */
    public static ScriptsRemote create(Path dir) {
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            return new ScriptsRemote(dir);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return dir.toUri().toString();
    }

    public Path directory() {
        return dir;
    }

    public static String versionFile(String version, String versionId, String buildId, String sdk) {
        return "FLATCAR_VERSION=" + version + "\nFLATCAR_VERSION_ID=" + versionId + "\nFLATCAR_BUILD_ID=\"" + buildId
                + "\"\nFLATCAR_SDK_VERSION=" + sdk + "\n";
    }

    /** Writes a commit with {@code files} changed on top of {@code parent} (null: a root commit) and returns it. */
    public ObjectId commit(ObjectId parent, Map<String, String> files, String message) {
        try (Repository repo = open(); ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            if (parent != null) {
                try (RevWalk walk = new RevWalk(repo)) {
                    builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, walk.parseCommit(parent).getTree());
                }
            }
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (var file : new TreeMap<>(files).entrySet()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8));
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(file.getKey().endsWith(".sh") ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(ins));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(FLATCAR_CI);
            commit.setCommitter(FLATCAR_CI);
            commit.setMessage(message);
            ObjectId id = ins.insert(commit);
            ins.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits {@code New version: <tag>} with a sign-off, like update_and_push_version. */
    public ObjectId versionCommit(ObjectId parent, String tag, String versionFile) {
        return commit(parent, Map.of(VERSION_FILE, versionFile),
                "New version: " + tag + "\n\nSigned-off-by: flatcar-ci <infra+ci@flatcar-linux.org>\n");
    }

    public void setBranch(String branch, ObjectId commit) {
        updateRef(Constants.R_HEADS + branch, commit);
    }

    /** Creates the annotated tag {@code name} on {@code commit}. */
    public void tag(String name, ObjectId commit) {
        try (Repository repo = open(); ObjectInserter ins = repo.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(commit, Constants.OBJ_COMMIT);
            tag.setTag(name);
            tag.setTagger(FLATCAR_CI);
            tag.setMessage(name + "\n");
            ObjectId id = ins.insert(tag);
            ins.flush();
            updateRef(Constants.R_TAGS + name, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tag, the version.txt of its commit, and when both were made. */
    public record TaggedFile(String tag, String versionFile, Instant when) {
    }

    /**
     * Appends {@code count} "New version" commits to {@code branch} starting from {@code parent}, each
     * annotated-tagged; one repository and inserter for all, so that thousands take seconds.
     */
    public void appendVersionCommits(String branch, ObjectId parent, int count, java.util.function.IntFunction<TaggedFile> nth) {
        try (Repository repo = open();
                ObjectInserter ins = ((org.eclipse.jgit.internal.storage.file.FileRepository) repo).getObjectDatabase().newPackInserter();
                ObjectReader reader = ins.newReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId head = parent;
            org.eclipse.jgit.lib.BatchRefUpdate refs = repo.getRefDatabase().newBatchUpdate();
            for (int i = 0; i < count; i++) {
                TaggedFile next = nth.apply(i);
                DirCache index = DirCache.newInCore();
                DirCacheBuilder builder = index.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, walk.getObjectReader(), walk.parseCommit(head).getTree());
                builder.finish();
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, next.versionFile().getBytes(StandardCharsets.UTF_8));
                DirCacheEditor editor = index.editor();
                editor.add(new DirCacheEditor.PathEdit(VERSION_FILE) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
                editor.finish();
                PersonIdent ci = new PersonIdent(FLATCAR_CI, next.when());
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(index.writeTree(ins));
                commit.setParentId(head);
                commit.setAuthor(ci);
                commit.setCommitter(ci);
                commit.setMessage("New version: " + next.tag() + "\n\nSigned-off-by: flatcar-ci <infra+ci@flatcar-linux.org>\n");
                head = ins.insert(commit);
                TagBuilder tag = new TagBuilder();
                tag.setObjectId(head, Constants.OBJ_COMMIT);
                tag.setTag(next.tag());
                tag.setTagger(ci);
                tag.setMessage(next.tag() + "\n");
                refs.addCommand(new org.eclipse.jgit.transport.ReceiveCommand(ObjectId.zeroId(), ins.insert(tag), Constants.R_TAGS + next.tag()));
            }
            ins.flush();
            refs.addCommand(new org.eclipse.jgit.transport.ReceiveCommand(ObjectId.zeroId(), head, Constants.R_HEADS + branch));
            refs.setAllowNonFastForwards(true);
            try (RevWalk check = new RevWalk(repo)) {
                refs.execute(check, org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE);
            }
            for (org.eclipse.jgit.transport.ReceiveCommand c : refs.getCommands()) {
                if (c.getResult() != org.eclipse.jgit.transport.ReceiveCommand.Result.OK) {
                    throw new IllegalStateException("cannot create " + c.getRefName() + ": " + c.getResult());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs refs and objects with git gc, as a hosted remote keeps them. */
    public void packWithGitCli() {
        try {
            Process gc = new ProcessBuilder("git", "-C", dir.toString(), "gc", "--quiet").redirectErrorStream(true).start();
            String output = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (gc.waitFor() != 0) {
                throw new IllegalStateException("git gc failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A bare clone of this remote in {@code dir}, with the remote {@code origin} configured, as an earlier run
     * of version-service leaves it in its work directory.
     */
    public void cloneInto(Path dir) {
        try (Git clone = Git.cloneRepository().setBare(true).setURI(url()).setDirectory(dir.toFile()).call()) {
            if (clone.getRepository().getConfig().getStringList("remote", "origin", "url").length == 0) {
                throw new IllegalStateException("the clone in " + dir + " has no remote origin");
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot clone " + url() + ": " + e.getMessage(), e);
        }
    }

    /** Tag names on the remote. */
    public List<String> tags() {
        try (Repository repo = open()) {
            return repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream()
                    .map(r -> r.getName().substring(Constants.R_TAGS.length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ObjectId> ref(String name) {
        try (Repository repo = open()) {
            Ref ref = repo.exactRef(name);
            return Optional.ofNullable(ref).map(Ref::getObjectId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ObjectId> branch(String name) {
        return ref(Constants.R_HEADS + name);
    }

    /** The commit a ref (branch, tag) points at, with its body parsed. */
    public RevCommit commitOf(String refOrId) {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(refOrId + "^{commit}");
            RevCommit commit = walk.parseCommit(id);
            walk.parseBody(commit);
            return commit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The annotated tag object of {@code tag}, or empty for a lightweight tag. */
    public Optional<RevTag> annotatedTag(String tag) {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            RevObject object = walk.parseAny(repo.exactRef(Constants.R_TAGS + tag).getObjectId());
            if (object instanceof RevTag revTag) {
                walk.parseBody(revTag);
                return Optional.of(revTag);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file at a ref, or empty. */
    public Optional<String> file(String ref, String path) {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(repo.resolve(ref + "^{commit}"));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                return tree == null ? Optional.empty()
                        : Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths that differ between a commit and its first parent. */
    public List<String> changedPaths(String ref) {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = walk.parseCommit(repo.resolve(ref + "^{commit}"));
            tree.setRecursive(true);
            tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            tree.addTree(commit.getTree());
            tree.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            List<String> paths = new ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First-parent subjects of a branch, newest first, at most {@code max}. */
    public List<String> subjects(String branch, int max) {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(repo.exactRef(Constants.R_HEADS + branch).getObjectId()));
            List<String> subjects = new ArrayList<>();
            for (RevCommit c : walk) {
                if (subjects.size() == max) {
                    break;
                }
                subjects.add(c.getShortMessage());
            }
            return subjects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plays another clone: clones the branch, commits a file and pushes, as a developer merging a change would. */
    public ObjectId pushFromAnotherClone(String branch, String path, String content, String message, Path scratch) {
        try (Git clone = Git.cloneRepository().setURI(url()).setDirectory(scratch.toFile()).setBranch(branch).call()) {
            Path file = scratch.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            clone.add().addFilepattern(path).call();
            PersonIdent dev = new PersonIdent("A Developer", "dev@example.org");
            RevCommit commit = clone.commit().setMessage(message).setAuthor(dev).setCommitter(dev).setSign(false).call();
            clone.push().add(branch).call();
            return commit;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("the other clone could not push: " + e.getMessage(), e);
        }
    }

    private void updateRef(String name, ObjectId id) {
        try (Repository repo = open()) {
            RefUpdate update = repo.updateRef(name);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.IO_FAILURE) {
                throw new IllegalStateException("cannot set " + name + ": " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    }
}
