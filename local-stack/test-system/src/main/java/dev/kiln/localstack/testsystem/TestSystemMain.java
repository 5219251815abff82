package dev.kiln.localstack.testsystem;

import dev.kiln.flatcar.Version;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the example test system until SIGTERM: consumes release candidates, checks their images, reports the
 * required suites. {@code ./kiln-local up} starts it beside the services; see docs/testing-hooks.md.
 */
public final class TestSystemMain {

    private static final Logger LOG = LoggerFactory.getLogger(TestSystemMain.class);
    /** ce_source of the reports this test system puts on kiln.tests. */
    static final String SOURCE = "/kiln/example-test-system";

    private TestSystemMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        TestSystemOptions options;
        try {
            options = TestSystemOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("test-system: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        ReleaseGates gates = new ReleaseGates(http, options.releaseService());
        ImageCheck images = new ImageCheck(new CacheFiles(http));
        CandidateHandler.Checks checks = new CandidateHandler.Checks() {
            @Override
            public Optional<List<Target>> required(String version) {
                return gates.required(version);
            }

            @Override
            public ArchCheck check(String arch, String imagesDir, Version version, List<String> vendors) {
                return images.check(arch, imagesDir, version, vendors);
            }
        };
        try (HandledEvents handled = HandledEvents.open(options.stateDir().resolve("handled-candidates"));
                ReportSender sender = sender(options, http)) {
            LOG.info("example test system: reports as '{}' over {}, {} candidate(s) handled before, flaky suite '{}'",
                    options.reportedBy(), options.reportOver(), handled.size(), options.flakySuite());
            CandidateHandler handler = new CandidateHandler(handled, checks, new SuiteRuns(options.flakySuite()), sender,
                    options.reportedBy(), Clock.systemUTC());
            CandidateListener listener = new CandidateListener(options.kafka(), options.group(), handler);
            Thread loop = Thread.ofPlatform().name("candidates").start(listener);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                listener.stop();
                joinQuietly(loop);
            }, "test-system-stop"));
            loop.join();
        }
    }

    private static ReportSender sender(TestSystemOptions options, HttpClient http) throws IOException {
        if (options.reportOver().equals("rest")) {
            String token = Files.readString(options.tokenFile(), StandardCharsets.UTF_8).strip();
            return new RestReports(http, options.releaseService(), token);
        }
        return new KafkaReports(options.kafka(), SOURCE);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
