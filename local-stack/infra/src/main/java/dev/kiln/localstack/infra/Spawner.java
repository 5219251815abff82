package dev.kiln.localstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts child processes that die with this JVM even when it is killed with SIGKILL: each child runs
 * under {@code setpriv --pdeathsig}, in a session of its own. Linux sends that signal when the spawning <em>thread</em> ends, so
 * every spawn happens on one thread that lives as long as the JVM.
 */
final class Spawner {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kiln-spawner").daemon().factory());

    private Spawner() {
    }

    /** Starts {@code command}; the child receives {@code deathSignal} (e.g. TERM, INT) if this JVM dies. */
    static Process spawn(List<String> command, Path workDir, Path logFile, java.util.Map<String, String> env,
            String deathSignal) throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            full.addAll(List.of(SETPRIV.toString(), "--pdeathsig", deathSignal, "--"));
        }
        if (Files.isExecutable(SETSID)) {
            // own session: a Ctrl-C in the launcher's terminal reaches only the launcher, which stops children in order
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        try {
            return THREAD.submit(builder::start).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + command.getFirst(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
