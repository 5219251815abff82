package dev.kiln.runner.process;

import dev.kiln.runner.support.FakeCache;
import dev.kiln.runner.support.TestKubelet.Outcome;
import dev.kiln.runner.support.TestKubelet;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The cluster side of P3 in a JVM of its own, so that the runner's memory can be measured alone: a Fabric8
 * mock API server in CRUD mode and the test kubelet, which holds first-step Jobs running and completes the
 * others. Driven line by line on stdin: {@code start <cache dir>}, {@code held}, {@code release <per second>},
 * {@code report <file>}, {@code jobs <name part>}.
 */
public final class MockClusterMain {

    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private MockClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        var responses = new HashMap<io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
        KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses, List.of());
        // the CRUD mock answers pod logs with junk; one short log for every pod stands in for the kubelet's
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getPath().contains("/log?") ? new MockResponse().setResponseCode(200).setBody("step log\n")
                        : crud.dispatch(request);
            }
        };
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher,
                false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        NamespacedKubernetesClient client = server.createClient();
        System.out.println("MOCK " + client.getMasterUrl());
        TestKubelet kubelet = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "start" -> {
                    kubelet = new TestKubelet(client, null, new FakeCache(Path.of(command[1])), 4);
                    kubelet.behave(job -> "first".equals(job.getMetadata().getLabels().get("kiln.dev/step"))
                            ? Outcome.HOLD : Outcome.SUCCEED);
                    System.out.println("STARTED");
                }
                case "held" -> System.out.println("HELD " + kubelet.heldJobs().size());
                case "release" -> release(kubelet, Integer.parseInt(command[1]));
                case "report" -> report(kubelet, Path.of(command[1]));
                case "jobs" -> jobs(kubelet, command[1]);
                default -> System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
        if (kubelet != null) {
            kubelet.close();
        }
        server.destroy();
    }

    private static void release(TestKubelet kubelet, int perSecond) throws InterruptedException {
        List<String> held = new ArrayList<>(kubelet.heldJobs());
        java.util.Collections.sort(held);
        long start = System.nanoTime();
        for (int i = 0; i < held.size(); i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            kubelet.release(held.get(i), Outcome.SUCCEED);
        }
        System.out.println("RELEASED " + held.size());
    }

    /** How many Jobs whose name contains {@code part} were created, and how many creations they took. */
    private static void jobs(TestKubelet kubelet, String part) {
        var matching = kubelet.created().entrySet().stream().filter(e -> e.getKey().contains(part)).toList();
        System.out.println("JOBS " + matching.size() + " " + matching.stream().mapToInt(java.util.Map.Entry::getValue).sum());
    }

    private static long last(java.util.Map<String, Instant> instants, String step) {
        return instants.entrySet().stream().filter(e -> e.getKey().contains(step)).map(java.util.Map.Entry::getValue)
                .max(Instant::compareTo).orElse(Instant.EPOCH).toEpochMilli();
    }

    /** One line per first-step Job: completion to successor creation in ms; then Jobs created twice; then counts. */
    private static void report(TestKubelet kubelet, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        kubelet.completedAt().forEach((job, completed) -> {
            if (job.contains("-first-")) {
                Instant successor = kubelet.addedAt().get(job.replace("-first-", "-second-"));
                lines.add(successor == null ? "missing " + job : Long.toString(Duration.between(completed, successor).toMillis()));
            }
        });
        kubelet.created().forEach((job, count) -> {
            if (count > 1) {
                lines.add("twice " + job);
            }
        });
        lines.add("last-first-completed " + last(kubelet.completedAt(), "-first-"));
        lines.add("last-second-created " + last(kubelet.addedAt(), "-second-"));
        lines.add("last-second-completed " + last(kubelet.completedAt(), "-second-"));
        lines.add("jobs " + kubelet.created().size());
        lines.add("completed " + kubelet.completedAt().size());
        Files.write(file, lines);
        System.out.println("REPORTED " + lines.size());
    }
}
