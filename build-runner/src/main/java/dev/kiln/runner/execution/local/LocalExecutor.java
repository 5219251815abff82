package dev.kiln.runner.execution.local;

import dev.kiln.runner.config.RunnerConfig;
import dev.kiln.runner.domain.pipeline.SecretEnv;
import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.domain.port.StepLaunch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs each attempt as a local process tree: its own directory {@code <work-dir>/<build>/<run>-<attempt>/}
 * with the scripts checked out at the tag, the step's command as the leader of a new session, output
 * captured to {@code step.log}, killed with all its children on timeout or stop. A process that outlives
 * a crashed runner is found by its pid file at the next start and killed (its attempt is then retried).
 */
public class LocalExecutor implements StepExecutor {

    private static final Logger LOG = Logger.getLogger(LocalExecutor.class);
    /** Written into a kept work directory once its log is stored. */
    static final String LOG_STORED = "log-stored";

    private final RunnerConfig config;
    private final Path root;
    private final ScriptsCheckout checkout;
    private final Map<RunHandle, LocalAttempt> attempts = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService starter = Executors.newFixedThreadPool(4, daemon("kiln-local-start"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("kiln-local-timer"));
    private final ScheduledExecutorService spareMaker = Executors.newSingleThreadScheduledExecutor(daemon("kiln-local-spares"));

    public LocalExecutor(RunnerConfig config) {
        this.config = config;
        this.root = config.workDir().toAbsolutePath();
        this.checkout = new ScriptsCheckout(config.scriptsRepoUrl(), spareMaker);
        OrphanReaper.killLeftovers(root);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void launch(StepLaunch launch) {
        RunHandle handle = launch.handle();
        Path dir = root.resolve(handle.buildId()).resolve(handle.runKey() + "-" + handle.attempt());
        LocalAttempt attempt = new LocalAttempt(handle, dir, launch.timeout());
        if (attempts.putIfAbsent(handle, attempt) != null) {
            return;
        }
        starter.execute(() -> start(attempt, launch));
    }

    private void start(LocalAttempt attempt, StepLaunch launch) {
        try {
            ScriptsCheckout.deleteRecursively(attempt.dir);
            Files.createDirectories(attempt.dir);
            Files.writeString(attempt.log, "kiln: " + launch.handle() + " in " + attempt.dir + "\n");
            Path scripts = attempt.dir.resolve("scripts");
            checkout.checkout(attempt.dir.getParent(), launch.tag(), scripts, attempt.log);
            ProcessBuilder builder = new ProcessBuilder(command(launch)).directory(scripts.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(attempt.log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            environment(builder.environment(), launch, attempt);
            Process process = builder.start();
            Files.writeString(attempt.dir.resolve("pid"), Long.toString(process.pid()));
            var deadline = timer.schedule(() -> timeOut(attempt), launch.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!attempt.started(process, deadline)) {
                ProcessTree.kill(process.pid(), config.local().killGrace().toMillis(), timer);
            }
            process.onExit().thenAccept(p -> finished(attempt, p.exitValue()));
        } catch (IOException | RuntimeException e) {
            appendQuietly(attempt, "kiln: cannot start: " + e.getMessage() + "\n");
            attempt.failedToStart(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.failedToStart("interrupted while starting");
        }
        notifyChanged(attempt.handle);
    }

    private static List<String> command(StepLaunch launch) {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add("--wait");
        command.addAll(launch.command());
        return command;
    }

    /** A step gets these of the runner's variables and nothing else of it: never its database or service credentials. */
    static final Set<String> INHERITED_ENV = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private void environment(Map<String, String> env, StepLaunch launch, LocalAttempt attempt) {
        env.keySet().retainAll(INHERITED_ENV);
        env.putAll(launch.env());
        env.put("KILN_CACHE_URL", config.cacheUrl());
        // the build's step token: writes only the build's own cache directories, and only while the build runs
        env.put("KILN_CACHE_TOKEN", launch.cacheToken() == null ? "" : launch.cacheToken());
        env.put("KILN_WORK_DIR", attempt.dir.toString());
        config.bincacheServer().ifPresent(server -> env.put("BUILDCACHE_SERVER", server));
        for (SecretEnv secret : launch.secrets()) {
            Path file = config.local().secretsDir().map(d -> d.resolve(secret.secret()).resolve(secret.key()))
                    .filter(Files::isReadable).orElseThrow(() -> new IllegalStateException("secret "
                            + secret.secret() + "/" + secret.key() + " for " + secret.env() + " is missing: no readable "
                            + "file <kiln.runner.local.secrets-dir>/" + secret.secret() + "/" + secret.key()));
            env.put(secret.env(), read(file));
        }
    }

    private void finished(LocalAttempt attempt, int exitCode) {
        attempt.exited(exitCode);
        appendQuietly(attempt, "kiln: exited with " + exitCode + "\n");
        notifyChanged(attempt.handle);
    }

    private void timeOut(LocalAttempt attempt) {
        Process process = attempt.timedOut();
        if (process != null) {
            appendQuietly(attempt, "kiln: timeout of " + attempt.timeout.toSeconds() + "s exceeded; killing the process tree\n");
            ProcessTree.kill(process.pid(), config.local().killGrace().toMillis(), timer);
            notifyChanged(attempt.handle);
        }
    }

    @Override
    public Observation observe(RunHandle handle) {
        LocalAttempt attempt = attempts.get(handle);
        return attempt == null ? new Observation.NotFound("no local process for this attempt (the runner restarted?)")
                : attempt.observation();
    }

    @Override
    public void stop(RunHandle handle) {
        LocalAttempt attempt = attempts.get(handle);
        if (attempt == null) {
            return;
        }
        Process process = attempt.stop();
        if (process != null) {
            appendQuietly(attempt, "kiln: stopped by the runner; killing the process tree\n");
            ProcessTree.kill(process.pid(), config.local().killGrace().toMillis(), timer);
        }
    }

    @Override
    public AttemptLog openLog(RunHandle handle) {
        LocalAttempt attempt = attempts.get(handle);
        Path log = attempt != null ? attempt.log : root.resolve(handle.buildId())
                .resolve(handle.runKey() + "-" + handle.attempt()).resolve("step.log");
        try {
            return new AttemptLog.Available(Files.newInputStream(log));
        } catch (IOException e) {
            return new AttemptLog.Missing("no log file " + log + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void forget(RunHandle handle) {
        LocalAttempt attempt = attempts.get(handle);
        if (attempt != null && attempt.isLive()) {
            return;
        }
        attempts.remove(handle);
        Path dir = attempt != null ? attempt.dir : attemptDir(handle);
        try {
            if (config.local().keepWorkDirs()) {
                if (Files.isDirectory(dir)) {
                    Files.writeString(dir.resolve(LOG_STORED), "");
                }
            } else {
                ScriptsCheckout.deleteRecursively(dir);
            }
        } catch (IOException e) {
            LOG.warnf("cannot delete %s: %s", dir, e.getMessage());
        }
    }

    /**
     * Attempt directories a previous run of this runner left with a log that was never stored: no process of
     * this runner owns them, and no {@value #LOG_STORED} marker says their log is safe.
     */
    @Override
    public Set<RunHandle> logsLeftBehind() {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (var logs = Files.find(root, 3, (path, attrs) -> path.getFileName().toString().equals("step.log")
                && attrs.isRegularFile())) {
            return logs.map(Path::getParent)
                    .filter(dir -> !Files.exists(dir.resolve(LOG_STORED)))
                    .map(dir -> handleOf(dir))
                    .flatMap(java.util.Optional::stream)
                    .filter(handle -> !attempts.containsKey(handle))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            LOG.warnf("cannot look for logs left behind under %s: %s", root, e.getMessage());
            return Set.of();
        }
    }

    /** {@code <root>/<build id>/<run key>-<attempt>} back to its handle. */
    private java.util.Optional<RunHandle> handleOf(Path dir) {
        String name = dir.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || !name.substring(dash + 1).matches("\\d{1,9}") || !dir.getParent().getParent().equals(root)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RunHandle(dir.getParent().getFileName().toString(), name.substring(0, dash),
                Integer.parseInt(name.substring(dash + 1))));
    }

    private Path attemptDir(RunHandle handle) {
        return root.resolve(handle.buildId()).resolve(handle.runKey() + "-" + handle.attempt());
    }

    @Override
    public Set<RunHandle> known() {
        return attempts.values().stream().filter(LocalAttempt::isLive).map(a -> a.handle).collect(Collectors.toSet());
    }

    @Override
    public boolean confirmRunning(RunHandle handle) {
        return known().contains(handle);
    }

    @Override
    public String referenceOf(RunHandle handle) {
        return root.resolve(handle.buildId()).resolve(handle.runKey() + "-" + handle.attempt()).toString();
    }

    @Override
    public void onChange(Consumer<String> buildChanged) {
        listeners.add(buildChanged);
    }

    private void notifyChanged(RunHandle handle) {
        listeners.forEach(l -> l.accept(handle.buildId()));
    }

    @Override
    public void buildFinished(String buildId) {
        Path buildDir = root.resolve(buildId);
        checkout.discard(buildDir);
        spareMaker.execute(() -> {
            try (var entries = Files.list(buildDir)) {
                for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith("scripts@")).toList()) {
                    ScriptsCheckout.deleteRecursively(entry);
                }
            } catch (IOException e) {
                LOG.debugf("cannot clean %s: %s", buildDir, e.getMessage());
            }
        });
    }

    /** Kills every process tree still running; called when the runner stops. */
    public void shutdown() {
        attempts.values().forEach(a -> {
            Process process = a.stop();
            if (process != null) {
                ProcessTree.signalGroup(process.pid(), "KILL");
            }
        });
        starter.shutdownNow();
        timer.shutdownNow();
        spareMaker.shutdownNow();
    }

    private static void appendQuietly(LocalAttempt attempt, String line) {
        try {
            Files.writeString(attempt.log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.debugf("cannot append to %s: %s", attempt.log, e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
