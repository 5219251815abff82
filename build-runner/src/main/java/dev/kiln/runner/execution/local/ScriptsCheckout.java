package dev.kiln.runner.execution.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks the scripts repository out at a build's tag into an attempt's own directory. Each build fetches
 * the tag once into a shallow bare mirror; attempts then clone that mirror with shared objects, which
 * takes milliseconds. Git's output goes to the attempt's log.
 */
final class ScriptsCheckout {

    private static final long TIMEOUT_MINUTES = 10;

    private final String repositoryUrl;
    private final ConcurrentHashMap<Path, Object> mirrorLocks = new ConcurrentHashMap<>();

    ScriptsCheckout(String repositoryUrl) {
        this.repositoryUrl = repositoryUrl;
    }

    /** Leaves the scripts of {@code tag} in {@code target}; fails with git's reason otherwise. */
    void checkout(Path buildDir, String tag, Path target, Path log) throws IOException, InterruptedException {
        Path mirror = buildDir.resolve("scripts.git");
        synchronized (mirrorLocks.computeIfAbsent(mirror, m -> new Object())) {
            if (!Files.isDirectory(mirror)) {
                Path partial = buildDir.resolve("scripts.git.partial");
                deleteRecursively(partial);
                git(log, buildDir, "clone", "--quiet", "--bare", "--depth", "1", "--branch", tag, repositoryUrl,
                        partial.toString());
                Files.move(partial, mirror);
            }
        }
        git(log, target.getParent(), "clone", "--quiet", "--shared", "--branch", tag, mirror.toString(),
                target.toString());
    }

    private static void git(Path log, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-c");
        command.add("advice.detachedHead=false");
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!git.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            git.destroyForcibly();
            throw new IOException("git " + args[0] + " took longer than " + TIMEOUT_MINUTES + " minutes");
        }
        if (git.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " exited with " + git.exitValue()
                    + " (see the log)");
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
