package dev.kiln.localstack.stack;

import dev.kiln.localstack.infra.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The example test system ({@code local-stack/test-system}) as a child of the stack, like the services: it consumes
 * release candidates in its own consumer group, checks their images in the cache and reports on {@code kiln.tests}
 * as the demo identity {@code test-system}. Run from its {@code target/classes} plus the jars its build listed; its
 * state (the candidates it handled) in {@code <data dir>/test-system}, its log in {@code logs/test-system.log}.
 */
final class TestSystemProcess {

    static final String ID = "test-system";
    static final String MAIN_CLASS = "dev.kiln.localstack.testsystem.TestSystemMain";
    private static final Duration READY = Duration.ofSeconds(60);
    /** What the test system logs once its consumer subscribed. */
    private static final String LISTENING = "listening on kiln.releases";

    private TestSystemProcess() {
    }

    static ManagedProcess start(StackOptions options, String kafkaBootstrap, String releaseServiceUrl) {
        Path module = options.repoRoot().resolve("local-stack/test-system/target");
        Path classpathFile = module.resolve("test-system.classpath");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build Kiln first (./mvnw package -DskipTests)");
        }
        String classpath;
        try {
            classpath = module.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path stateDir = options.dataDir().resolve(ID);
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xms16m", "-Xmx128m",
                "-XX:+UseSerialGC", "-cp", classpath, MAIN_CLASS, "--kafka", kafkaBootstrap, "--release-service",
                releaseServiceUrl, "--state-dir", stateDir.toString(), "--reported-by", ID);
        Path log = options.logs().resolve(ID + ".log");
        long logBefore = sizeOf(log);
        ManagedProcess process = ManagedProcess.start(ID, command, stateDir, log, Map.of(), "TERM");
        // the log is appended to across restarts: only a line this start wrote says it listens
        process.await("its consumer listening", READY, () -> readFrom(log, logBefore).contains(LISTENING));
        return process;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFrom(Path file, long offset) {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(offset);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
