package dev.kiln.localstack.stack;

import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.localstack.infra.GitRemote;
import dev.kiln.localstack.infra.KafkaBroker;
import dev.kiln.localstack.infra.ManagedProcess;
import dev.kiln.localstack.infra.PostgresServer;
import dev.kiln.localstack.infra.S3Server;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Kiln on one machine: PostgreSQL, Kafka, an S3 server, a seeded scripts repository and the four
 * services, wired together. Infrastructure starts first (in parallel), then the services (in parallel);
 * {@link #close()} stops the services first, then the infrastructure. Data stays in the data directory,
 * so a second start reuses it.
 */
public final class LocalStack implements AutoCloseable {

    static final String S3_ACCESS_KEY = "kiln-local";
    static final String S3_SECRET_KEY = "kiln-local-secret";
    static final String DATABASE = "kiln";
    private static final Duration SERVICE_READY = Duration.ofSeconds(180);

    private final StackOptions options;
    private final PrintStream out;
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final Map<Component, ServiceProcess> services = new EnumMap<>(Component.class);
    private final Map<Component, Map<String, String>> serviceEnvironments = new EnumMap<>(Component.class);
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private S3Server s3;
    private GitRemote scriptsRepo;
    private String adminToken;
    private ManagedProcess testSystem;

    private LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything and returns once every service is ready; stops what started if anything fails. */
    public static LocalStack start(StackOptions options, PrintStream out) {
        LocalStack stack = new LocalStack(options, out);
        try {
            stack.checkPortsFree();
            stack.startInfrastructure();
            stack.startServices();
            stack.startTestSystem();
            stack.writeState();
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach((service, process) -> urls.put(service.id(), process.url()));
        return urls;
    }

    /** The environment {@code service} was started with (for starting a copy of it against this stack). */
    Map<String, String> environment(Component service) {
        return serviceEnvironments.get(service);
    }

    public String adminToken() {
        return adminToken;
    }

    /** Every process the stack started, for checks that none outlives it. */
    public synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        services.values().forEach(s -> pids.add(s.process().pid()));
        if (testSystem != null) {
            pids.add(testSystem.pid());
        }
        for (Object server : new Object[] {postgres, kafka == null ? null : kafka.process(), s3}) {
            if (server instanceof PostgresServer pg) {
                pids.add(pg.process().pid());
            } else if (server instanceof ManagedProcess p) {
                pids.add(p.pid());
            } else if (server instanceof S3Server s) {
                pids.add(s.process().pid());
            }
        }
        return pids;
    }

    public void printSummary() {
        out.println();
        out.println("Kiln is up (data in " + options.dataDir() + "):");
        urls().forEach((name, url) -> out.printf(name.equals(Component.CONSOLE.id()) ? "  %-17s %s   (the web console)%n"
                : "  %-17s %s   (API docs %3$s/q/swagger-ui)%n", name, url, url));
        out.printf("  %-17s %s%n", "build cache", urls().get(Component.ARTIFACT_SERVICE.id()) + "/cache/");
        out.printf("  %-17s %s%n", "scripts repo", scriptsRepo.uri());
        out.printf("  %-17s %s%n", "kafka", kafka.bootstrapServers());
        out.printf("  %-17s %s%n", "postgresql", postgres.jdbcUrl(DATABASE) + " (user postgres)");
        out.printf("  %-17s %s%n", "s3", s3.endpoint() + " (" + S3_ACCESS_KEY + " / " + S3_SECRET_KEY + ")");
        out.printf("  %-17s %s%n", "admin token", options.adminTokenFile());
        out.printf("  %-17s %s%n", "test system", "example test system, log " + testSystem.logFile());
        out.println("Logs: " + options.logs());
    }

    @Override
    public void close() {
        // the test system and the services stop together: each may wait out its grace (a Kafka client closing
        // while the broker is away), and those waits overlap instead of adding up
        List<Runnable> clients = new ArrayList<>(services.values().stream().<Runnable>map(s -> s::stop).toList());
        if (testSystem != null) {
            ManagedProcess stopping = testSystem;
            clients.add(() -> stopping.stop(Duration.ofSeconds(20)));
        }
        parallel(clients);
        services.clear();
        List<Runnable> stops = new ArrayList<>();
        for (AutoCloseable server : infrastructure) {
            stops.add(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    out.println("warning: " + e.getMessage());
                }
            });
        }
        parallel(stops);
        infrastructure.clear();
        try {
            Files.deleteIfExists(options.stateFile());
        } catch (IOException e) {
            out.println("warning: cannot delete " + options.stateFile() + ": " + e.getMessage());
        }
    }

    private void checkPortsFree() {
        options.ports().all().forEach((component, port) -> {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " (" + component + ") is in use; stop what uses it"
                        + " or choose another with --port-" + component + "=<port>");
            }
        });
    }

    private void startInfrastructure() throws IOException {
        Path data = options.dataDir();
        Files.createDirectories(options.logs());
        adminToken = TokenFile.ensure(options.adminTokenFile(), "kiln-admin");
        DemoRelease.prepare(options.dataDir());
        out.println("Starting PostgreSQL, Kafka and the S3 server...");
        var pg = async(this::startPostgres);
        var broker = async(() -> KafkaBroker.start(data.resolve("kafka"), options.ports().of("kafka"),
                options.ports().of("kafka-controller"), List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC")));
        var s3server = async(this::startS3);
        postgres = collect(pg);
        kafka = collect(broker);
        s3 = collect(s3server);
        scriptsRepo = GitRemote.seeded(data.resolve("git/scripts.git"), "main",
                ScriptsRepoSeed.files(options.scriptsRepoSeed()), "Initial commit of the local scripts repository");
    }

    private PostgresServer startPostgres() {
        PostgresServer server = PostgresServer.start(options.dataDir().resolve("cache"), options.dataDir().resolve("postgres"),
                options.ports().of("postgres"), true);
        server.ensureDatabase(DATABASE);
        return server;
    }

    private S3Server startS3() {
        return S3Server.start(options.dataDir().resolve("s3"), options.ports().of("s3"), S3_ACCESS_KEY, S3_SECRET_KEY,
                List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
    }

    private void startServices() {
        out.println("Starting the Kiln services...");
        Map<String, String> shared = sharedEnvironment();
        for (Component service : Component.values()) {
            Map<String, String> env = new HashMap<>(shared);
            env.put("KILN_HTTP_PORT", Integer.toString(options.ports().of(service.id())));
            // Like PostgreSQL, Kafka and S3: on a shared machine the admin token must not open a door to other hosts.
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.putAll(serviceEnvironment(service, options.dataDir().resolve(service.id())));
            if (service == Component.CONSOLE) {
                // the console calls the services as its signed-in users: it gets no token and no database of its own
                List.of("KILN_SERVICE_TOKEN", "KILN_ADMIN_TOKEN_FILE", "KILN_DB_URL", "KILN_DB_USER", "KILN_DB_PASSWORD")
                        .forEach(env::remove);
            }
            serviceEnvironments.put(service, Map.copyOf(env));
            startService(service);
        }
        parallel(services.values().stream().<Runnable>map(s -> () -> s.awaitReady(SERVICE_READY)).toList());
    }

    /** The example test system, once release-service is ready (it asks release-service for each candidate's gates). */
    private void startTestSystem() {
        out.println("Starting the example test system...");
        testSystem = TestSystemProcess.start(options, kafka.bootstrapServers(),
                services.get(Component.RELEASE_SERVICE).url());
    }

    private ServiceProcess startService(Component service) {
        ServiceProcess process = ServiceProcess.start(service, options.serviceJar(service), options.ports().of(service.id()),
                options.dataDir().resolve(service.id()), options.logs().resolve(service.id() + ".log"),
                serviceEnvironments.get(service));
        services.put(service, process);
        return process;
    }

    /**
     * Kills {@code component} at once, as a crash or an OOM kill would (SIGKILL, with its children); it stays
     * down until {@link #restart}. Components: the four services, {@code postgres}, {@code kafka}, {@code s3}.
     */
    public synchronized void kill(String component) {
        switch (component) {
            case "postgres" -> postgres.process().kill();
            case "kafka" -> kafka.process().kill();
            case "s3" -> s3.process().kill();
            case TestSystemProcess.ID -> testSystem.kill();
            default -> services.get(service(component)).process().kill();
        }
        writeStateQuietly();
    }

    /** Stops {@code component} if it runs, starts it again on its port and data, and returns once it is ready. */
    public synchronized void restart(String component) {
        switch (component) {
            case "postgres" -> postgres = replace(postgres, () -> postgres.stop(), () -> startPostgres());
            case "kafka" -> {
                kafka.stop();
                kafka.start();
            }
            case "s3" -> s3 = replace(s3, () -> s3.close(), () -> startS3());
            case TestSystemProcess.ID -> {
                testSystem.stop(Duration.ofSeconds(20));
                startTestSystem();
            }
            default -> {
                Component service = service(component);
                services.get(service).stop();
                startService(service).awaitReady(SERVICE_READY);
            }
        }
        writeStateQuietly();
    }

    private <T extends AutoCloseable> T replace(T old, Runnable stop, Supplier<T> start) {
        stop.run();
        T started = start.get();
        synchronized (infrastructure) {
            infrastructure.set(infrastructure.indexOf(old), started);
        }
        return started;
    }

    private static Component service(String id) {
        for (Component c : Component.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component '" + id + "'; known: postgres, kafka, s3, version-service, "
                + "build-runner, artifact-service, release-service");
    }

    private void writeStateQuietly() {
        try {
            writeState();
        } catch (IOException e) {
            out.println("warning: cannot write " + options.stateFile() + ": " + e.getMessage());
        }
    }

    private Map<String, String> sharedEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KILN_DB_URL", postgres.jdbcUrl(DATABASE));
        env.put("KILN_DB_USER", PostgresServer.USER);
        env.put("KILN_DB_PASSWORD", "postgres");
        env.put("KILN_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("KILN_ADMIN_TOKEN_FILE", options.adminTokenFile().toString());
        env.put("KILN_SERVICE_TOKEN", adminToken);
        env.put("KILN_SCRIPTS_REPO_URL", scriptsRepo.uri().toString());
        for (Component service : Component.values()) {
            env.put(service.urlVariable(), "http://127.0.0.1:" + options.ports().of(service.id()));
        }
        return env;
    }

    private Map<String, String> serviceEnvironment(Component service, Path workDir) {
        String artifactUrl = "http://127.0.0.1:" + options.ports().of(Component.ARTIFACT_SERVICE.id());
        return switch (service) {
            case VERSION_SERVICE -> Map.of("KILN_VERSION_WORK_DIR", workDir.resolve("clone").toString());
            case ARTIFACT_SERVICE -> Map.of("KILN_S3_ENDPOINT", s3.endpoint(), "KILN_S3_ACCESS_KEY", S3_ACCESS_KEY,
                    "KILN_S3_SECRET_KEY", S3_SECRET_KEY, "KILN_S3_BUCKET", "kiln-cache");
            case BUILD_RUNNER -> Map.of("KILN_RUNNER_EXECUTOR", "local",
                    "KILN_RUNNER_WORK_DIR", workDir.resolve("work").toString(),
                    "KILN_PIPELINES_DIR", pipelinesDir().toString(),
                    "KILN_CACHE_URL", artifactUrl + "/cache");
            case RELEASE_SERVICE -> Map.of("KILN_CACHE_URL", artifactUrl + "/cache",
                    "KILN_RELEASE_POLICY", DemoRelease.policyFile(options.dataDir()).toString());
            case CONSOLE -> Map.of("KILN_CACHE_PUBLIC_URL", artifactUrl + "/cache", "KILN_CONSOLE_INSTANCE", "local");
        };
    }

    /** Pipelines dropped here run beside the bundled ones (full, os, sysext). */
    private Path pipelinesDir() {
        Path dir = options.dataDir().resolve("pipelines");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private void writeState() throws IOException {
        StringBuilder state = new StringBuilder();
        state.append("KILN_STACK_PID=").append(ProcessHandle.current().pid()).append('\n');
        urls().forEach((name, url) -> state.append("KILN_").append(name.toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_')).append("_URL=").append(url).append('\n'));
        services.forEach((service, process) -> state.append("KILN_PID_").append(service.id().toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_')).append('=').append(process.process().pid()).append('\n'));
        if (testSystem != null) {
            state.append("KILN_PID_TEST_SYSTEM=").append(testSystem.pid()).append('\n');
        }
        state.append("KILN_PIDS=\"").append(String.join(" ", pids().stream().map(String::valueOf).toList()))
                .append("\"\n");
        Files.writeString(options.stateFile(), state.toString());
    }

    private <T extends AutoCloseable> CompletableFuture<T> async(Supplier<T> start) {
        return CompletableFuture.supplyAsync(() -> {
            T server = start.get();
            synchronized (infrastructure) {
                infrastructure.add(server);
            }
            return server;
        });
    }

    private static <T> T collect(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs the tasks at once, a thread each, and waits for all. Not {@code CompletableFuture.runAsync}: in the
     * shutdown hook on this 2-core machine its tasks ran one after the other (a down took the sum of the services'
     * stops, not the longest).
     */
    private static void parallel(List<Runnable> tasks) {
        List<Throwable> failures = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("kiln-local-", 0)
                .factory())) {
            List<Future<?>> running = tasks.stream().<Future<?>>map(threads::submit).toList();
            for (Future<?> task : running) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst() instanceof RuntimeException r ? r
                    : new IllegalStateException(failures.getFirst());
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }
}
