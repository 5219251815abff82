package dev.kiln.testing;

import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.localstack.infra.KafkaBroker;
import dev.kiln.localstack.infra.PostgresServer;
import dev.kiln.localstack.infra.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The servers of one test JVM: started on first use, in parallel, on free ports, with data under
 * {@code target/test-infra/}; stopped and deleted when the JVM exits (and killed with it if it crashes).
 * Quarkus restarts between test profiles reuse them.
 */
public final class TestInfrastructure {

    public static final String DATABASE = "kiln";
    public static final String S3_ACCESS_KEY = "kiln-test";
    public static final String S3_SECRET_KEY = "kiln-test-secret";

    private static final Path ROOT = Path.of("target", "test-infra", UUID.randomUUID().toString()).toAbsolutePath();
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "kiln-cache");

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static S3Server s3;
    private static boolean hookInstalled;

    private TestInfrastructure() {
    }

    /** Starts whatever of PostgreSQL, Kafka and (if asked) S3 is not running yet. */
    public static synchronized void ensureStarted(boolean withS3) {
        installShutdownHook();
        CompletableFuture<PostgresServer> pg = postgres != null ? CompletableFuture.completedFuture(postgres)
                : async(() -> {
                    PostgresServer server = PostgresServer.start(BINARIES, ROOT.resolve("postgres"), FreePorts.next(),
                            false);
                    server.ensureDatabase(DATABASE);
                    return server;
                });
        CompletableFuture<KafkaBroker> broker = kafka != null ? CompletableFuture.completedFuture(kafka)
                : async(() -> KafkaBroker.start(ROOT.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                        KafkaBroker.testJvmOptions()));
        CompletableFuture<S3Server> s3server = s3 != null || !withS3 ? CompletableFuture.completedFuture(s3)
                : async(() -> S3Server.start(ROOT.resolve("s3"), FreePorts.next(), S3_ACCESS_KEY, S3_SECRET_KEY,
                        S3Server.testJvmOptions()));
        postgres = pg.join();
        kafka = broker.join();
        s3 = s3server.join();
    }

    public static synchronized PostgresServer postgres() {
        return require(postgres, "PostgreSQL");
    }

    public static synchronized KafkaBroker kafka() {
        return require(kafka, "Kafka");
    }

    public static synchronized S3Server s3() {
        return require(s3, "S3");
    }

    /** A fresh directory under this JVM's test-infra root, e.g. for git repositories. */
    public static Path newDirectory(String prefix) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T require(T server, String what) {
        if (server == null) {
            throw new IllegalStateException(what + " is not running: add its test resource to the test");
        }
        return server;
    }

    private static <T> CompletableFuture<T> async(Supplier<T> start) {
        return CompletableFuture.supplyAsync(start);
    }

    private static void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "kiln-test-infra-stop"));
    }

    private static synchronized void stopAll() {
        for (AutoCloseable server : new AutoCloseable[] {s3, kafka, postgres}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                System.err.println("kiln test infra: " + e.getMessage());
            }
        }
        deleteQuietly(ROOT);
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("kiln test infra: cannot delete " + root + ": " + e.getMessage());
        }
    }
}
