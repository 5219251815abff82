package dev.kiln.runner.execution.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Gives each attempt its own copy of the scripts repository at the build's tag. Each build clones the tag
 * once (shallow) into a pristine tree. An attempt takes a spare copy of that tree prepared in the background
 * (a rename, so no copying on the way from one step to the next), or copies it itself ({@code cp -a}, a
 * reflink where the filesystem can) when no spare is ready. Steps may change their copy freely. Spares are
 * made a little after a checkout, at low priority, so that copying does not compete with the step starting.
 */
final class ScriptsCheckout {

    private static final Logger LOG = Logger.getLogger(ScriptsCheckout.class);
    private static final long TIMEOUT_MINUTES = 10;
    private static final int SPARES = 2;
    private static final long SPARE_DELAY_MILLIS = 300;

    private final String repositoryUrl;
    private final ScheduledExecutorService background;
    private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, ConcurrentLinkedDeque<Path>> spares = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    ScriptsCheckout(String repositoryUrl, ScheduledExecutorService background) {
        this.repositoryUrl = repositoryUrl;
        this.background = background;
    }

    /** Leaves the scripts of {@code tag} in {@code target}; fails with git's reason otherwise. */
    void checkout(Path buildDir, String tag, Path target, Path log) throws IOException, InterruptedException {
        Path pristine = pristine(buildDir, tag, log);
        Path spare = spares.computeIfAbsent(pristine, p -> new ConcurrentLinkedDeque<>()).poll();
        if (spare != null) {
            Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            run(log, buildDir, List.of("cp", "-a", "--reflink=auto", pristine.toString(), target.toString()));
        }
        background.schedule(() -> replenish(pristine), SPARE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Drops the spares of a build's trees (the build finished). */
    void discard(Path buildDir) {
        spares.keySet().removeIf(pristine -> pristine.startsWith(buildDir));
    }

    private Path pristine(Path buildDir, String tag, Path log) throws IOException, InterruptedException {
        Path pristine = buildDir.resolve("scripts@" + tag.replaceAll("[^A-Za-z0-9._+-]", "_"));
        synchronized (locks.computeIfAbsent(pristine, p -> new Object())) {
            if (!Files.isDirectory(pristine)) {
                Path partial = buildDir.resolve(pristine.getFileName() + ".partial");
                deleteRecursively(partial);
                run(log, buildDir, List.of("git", "-c", "advice.detachedHead=false", "clone", "--quiet", "--depth",
                        "1", "--branch", tag, repositoryUrl, partial.toString()));
                Files.move(partial, pristine);
            }
        }
        return pristine;
    }

    private void replenish(Path pristine) {
        ConcurrentLinkedDeque<Path> ready = spares.get(pristine);
        try {
            while (ready != null && ready.size() < SPARES && Files.isDirectory(pristine)) {
                Path spare = pristine.resolveSibling(pristine.getFileName() + ".spare-" + counter.incrementAndGet());
                run(null, pristine.getParent(), List.of("nice", "-n", "10", "cp", "-a", "--reflink=auto",
                        pristine.toString(), spare.toString()));
                ready.add(spare);
                ready = spares.get(pristine);
            }
        } catch (IOException e) {
            LOG.debugf("no spare copy of %s: %s", pristine, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Path log, Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " took longer than " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(command.size(), 4)))
                    + " ... exited with " + process.exitValue() + " (see the log)");
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
