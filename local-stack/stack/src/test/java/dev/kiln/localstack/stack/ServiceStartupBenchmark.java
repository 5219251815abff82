package dev.kiln.localstack.stack;

import dev.kiln.localstack.infra.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * P5: each service started alone against running infrastructure, ready ({@code /q/health/ready} 200) in how
 * long. Starts a local stack (PostgreSQL, Kafka, S3, the scripts repository and the four services), then for
 * each service stops the stack's copy and starts a second one on another port against the same
 * infrastructure, with the same environment, once without and once with the JDK AOT cache, for
 * {@code -Dbench.rounds} rounds (default 3). Before the rounds a service whose cache is missing or older than
 * its jar gets a training run ({@code -Dbench.retrain=true} forces one). Time runs from the process start to
 * the first 200 of {@code /q/health/ready}, polled every 20 ms; Quarkus' own "started in" figure and the load
 * average are printed beside it.
 *
 * <pre>
 * ./mvnw -q package -DskipTests
 * ./mvnw -q -o verify -Pbench -pl local-stack/stack -Dtest=ServiceStartupBenchmark [-Dbench.rounds=3]
 *     [-Dbench.services=version-service,build-runner] [-Dbench.retrain=true]
 * </pre>
 */
class ServiceStartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Path ROOT = Path.of(System.getProperty("kiln.repo.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");

    @Test
    void eachServiceStartedAloneAgainstRunningInfrastructure() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Component> services = selectedServices();
        Path dataDir = Path.of("target", "bench-startup-" + UUID.randomUUID()).toAbsolutePath();
        StackPorts ports = new StackPorts();
        ports.all().keySet().forEach(component -> ports.set(component, FreePorts.next()));
        StackOptions options = new StackOptions(ROOT, dataDir, ports);

        Map<Component, List<Sample>> plain = new LinkedHashMap<>();
        Map<Component, List<Sample>> cached = new LinkedHashMap<>();
        System.out.printf("P5 start-up benchmark: %d rounds, services %s, load average %s%n", rounds, services, load());
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            System.out.println("stack up, load average " + load());
            for (Component service : services) {
                stack.kill(service.id());
                AotCache cache = AotCache.of(options.serviceJar(service), AotCache.Mode.OFF);
                if (Boolean.getBoolean("bench.retrain") || !cache.fresh()) {
                    train(options, stack, service);
                }
                for (int round = 1; round <= rounds; round++) {
                    plain.computeIfAbsent(service, s -> new ArrayList<>())
                            .add(startAlone(options, stack, service, AotCache.Mode.OFF, "plain-" + round));
                    cached.computeIfAbsent(service, s -> new ArrayList<>())
                            .add(startAlone(options, stack, service, AotCache.Mode.USE, "aot-" + round));
                }
            }
        }
        printSummary(plain, cached);
    }

    private static void train(StackOptions options, LocalStack stack, Component service) {
        long begin = System.nanoTime();
        ServiceProcess copy = launch(options, stack, service, AotCache.Mode.TRAIN, "training");
        copy.awaitReady(Duration.ofMinutes(3));
        exercise(copy);
        copy.stop();
        System.out.printf("  %-17s training run (start, exercise, stop and write the cache): %.1f s, cache %s%n",
                service.id(), (System.nanoTime() - begin) / 1e9,
                AotCache.of(options.serviceJar(service), AotCache.Mode.USE).fresh() ? "written" : "NOT written");
    }

    /** A few requests, so that the training also records the classes of a request path, not only start-up. */
    private static void exercise(ServiceProcess copy) {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/openapi?format=json", "/q/metrics",
                "/api/v1/does-not-exist")) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(copy.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                System.out.println("  exercise " + path + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Sample startAlone(StackOptions options, LocalStack stack, Component service, AotCache.Mode mode,
            String label) throws Exception {
        String loadBefore = load();
        long begin = System.nanoTime();
        ServiceProcess copy = launch(options, stack, service, mode, label);
        try {
            awaitReady(copy);
            long readyMillis = (System.nanoTime() - begin) / 1_000_000;
            long cpuMillis = ProcessHandle.of(copy.process().pid()).flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toMillis).orElse(-1L);
            Sample sample = new Sample(readyMillis, cpuMillis, quarkusStartedIn(copy.process().logFile()), loadBefore);
            System.out.printf("  %-17s %-8s ready after %5d ms, CPU %5d ms (Quarkus: started in %s s), load average %s%n",
                    service.id(), label, sample.readyMillis(), sample.cpuMillis(), sample.quarkusStartedIn(),
                    sample.load());
            return sample;
        } finally {
            copy.stop();
        }
    }

    private static ServiceProcess launch(StackOptions options, LocalStack stack, Component service,
            AotCache.Mode mode, String label) {
        int port = FreePorts.next();
        Map<String, String> env = new HashMap<>(stack.environment(service));
        env.put("KILN_HTTP_PORT", Integer.toString(port));
        Path jar = options.serviceJar(service);
        return ServiceProcess.start(service, jar, port, options.dataDir().resolve(service.id()),
                options.logs().resolve("bench-" + service.id() + "-" + label + ".log"), env, AotCache.of(jar, mode));
    }

    private static void awaitReady(ServiceProcess copy) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ready(copy)) {
            if (!copy.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(copy.service().id() + " did not become ready:\n"
                        + copy.process().tail(30));
            }
            Thread.sleep(20);
        }
    }

    private static boolean ready(ServiceProcess copy) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(copy.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String quarkusStartedIn(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log));
            return matcher.find() ? matcher.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private static void printSummary(Map<Component, List<Sample>> plain, Map<Component, List<Sample>> cached) {
        System.out.println();
        System.out.println("P5 (goal: each service ready in < 2 s): wall time to ready, best / median of the rounds;"
                + " CPU time to ready, median; 1-minute load average at each start (plain, AOT)");
        System.out.printf("%-17s %-32s %-32s %s%n", "service", "plain JVM", "with AOT cache", "load averages");
        for (Component service : plain.keySet()) {
            List<Sample> p = plain.get(service);
            List<Sample> c = cached.get(service);
            System.out.printf("%-17s %-32s %-32s %s %s%n", service.id(), figure(p), figure(c),
                    p.stream().map(Sample::load).map(l -> l.split(" ")[0]).toList(),
                    c.stream().map(Sample::load).map(l -> l.split(" ")[0]).toList());
        }
    }

    private static String figure(List<Sample> samples) {
        long[] millis = samples.stream().mapToLong(Sample::readyMillis).sorted().toArray();
        long[] cpu = samples.stream().mapToLong(Sample::cpuMillis).sorted().toArray();
        return String.format("%.2f s / %.2f s, CPU %.2f s", millis[0] / 1000.0, millis[millis.length / 2] / 1000.0,
                cpu[cpu.length / 2] / 1000.0);
    }

    private static List<Component> selectedServices() {
        String selected = System.getProperty("bench.services", "");
        if (selected.isBlank()) {
            return List.of(Component.values());
        }
        List<String> ids = Arrays.stream(selected.split(",")).map(String::trim).toList();
        return Arrays.stream(Component.values()).filter(c -> ids.contains(c.id())).toList();
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Wall time and CPU time (user + system, all threads) from the process start to the first ready 200. */
    private record Sample(long readyMillis, long cpuMillis, String quarkusStartedIn, String load) {}
}
