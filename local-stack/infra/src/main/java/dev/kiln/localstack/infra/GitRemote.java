package dev.kiln.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;

/** A bare git repository served over {@code file://}, seeded with an initial commit on one branch. */
public final class GitRemote {

    private final Path bareDir;

    private GitRemote(Path bareDir) {
        this.bareDir = bareDir;
    }

    /**
     * Returns the bare repository at {@code bareDir}, creating it with one commit holding {@code files}
     * (relative path to content; executable if the path is under {@code ci-automation/} and ends in .sh)
     * if it does not exist yet.
     */
    public static GitRemote seeded(Path bareDir, String branch, Map<String, String> files, String message) {
        if (Files.exists(bareDir.resolve("HEAD"))) {
            return new GitRemote(bareDir);
        }
        Path work = bareDir.resolveSibling(bareDir.getFileName() + ".seed");
        try {
            Files.createDirectories(bareDir);
            try (Git bare = Git.init().setBare(true).setDirectory(bareDir.toFile()).setInitialBranch(branch).call()) {
                bare.getRepository().getConfig().setBoolean("receive", null, "denyNonFastForwards", false);
                bare.getRepository().getConfig().save();
            }
            try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(branch).call()) {
                for (var file : files.entrySet()) {
                    Path path = work.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                    if (file.getKey().endsWith(".sh")) {
                        path.toFile().setExecutable(true, false);
                    }
                }
                PersonIdent seeder = new PersonIdent("Kiln local stack", "kiln@localhost");
                git.add().addFilepattern(".").call();
                git.commit().setMessage(message).setAuthor(seeder).setCommitter(seeder).setSign(false).call();
                git.remoteAdd().setName("origin").setUri(new URIish(bareDir.toUri().toString())).call();
                git.push().setRemote("origin").add(branch).call();
            }
            deleteTree(work);
            return new GitRemote(bareDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed " + bareDir, e);
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot seed " + bareDir + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return bareDir;
    }

    /** The {@code file://} URI clients clone from and push to. */
    public URI uri() {
        return bareDir.toUri();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
