package dev.kiln.localstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The JDK AOT cache (JEP 483/514) of one packaged service: {@code app.aot} next to its {@code quarkus-run.jar}.
 * A cache older than the jar is stale and never used. Whether a launch trains a missing or stale cache is
 * chosen with the system property {@code kiln.aot}:
 * <ul>
 * <li>{@code use} (the default): use a fresh cache, otherwise start without one;</li>
 * <li>{@code auto} ({@code ./kiln-local up}): use a fresh cache, otherwise train one during this run
 * (the JVM writes it when the service stops, which then takes one to a few minutes);</li>
 * <li>{@code train}: always train; {@code off}: never use one.</li>
 * </ul>
 */
final class AotCache {

    static final String MODE_PROPERTY = "kiln.aot";

    enum Mode { USE, AUTO, TRAIN, OFF }

    private final Path jar;
    private final Path cache;
    private final Path training;
    private final Mode mode;
    private final boolean trains;

    private AotCache(Path jar, Mode mode) {
        this.jar = jar;
        this.cache = jar.resolveSibling("app.aot");
        this.training = jar.resolveSibling("app.aot." + UUID.randomUUID() + ".training");
        this.mode = mode;
        this.trains = mode == Mode.TRAIN || (mode == Mode.AUTO && !fresh());
    }

    static AotCache of(Path jar) {
        return new AotCache(jar, configuredMode());
    }

    static AotCache of(Path jar, Mode mode) {
        return new AotCache(jar, mode);
    }

    static Mode configuredMode() {
        return Mode.valueOf(System.getProperty(MODE_PROPERTY, "use").trim().toUpperCase(Locale.ROOT));
    }

    Path file() {
        return cache;
    }

    /** True when the cache exists and was written after the jar it was trained on. */
    boolean fresh() {
        try {
            return Files.isRegularFile(cache)
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this launch records a new cache (decided once, when the launch is prepared). */
    boolean trains() {
        return trains;
    }

    /** The JVM options of one launch: use the cache, record a new one, or nothing. */
    List<String> jvmOptions() {
        if (trains()) {
            return List.of("-XX:AOTCacheOutput=" + training);
        }
        if (mode != Mode.OFF && fresh()) {
            return List.of("-XX:AOTCache=" + cache);
        }
        return List.of();
    }

    /** After a training launch has exited: puts the cache it wrote in place (atomically), if it wrote one. */
    void publishTraining() {
        if (!Files.isRegularFile(training)) {
            return;
        }
        try {
            Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(training);
            } catch (IOException ignored) {
                // a leftover training file is harmless: it is never read
            }
        }
    }
}
