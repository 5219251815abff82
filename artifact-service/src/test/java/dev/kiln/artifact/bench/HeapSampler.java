package dev.kiln.artifact.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a service's heap through its Prometheus metrics: the heap in use (all pools, young garbage included)
 * and the old generation in use (where G1 puts what survives, and part buffers as humongous objects).
 */
final class HeapSampler implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern OLD = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*id=\"G1 Old Gen\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakOld;
    private volatile int samples;

    HeapSampler(URI base) {
        this.metrics = base.resolve("q/metrics");
        this.thread = new Thread(this::loop, "heap-sampler");
    }

    /** Heap used now and old generation used now: [used, old]. */
    long[] sample() throws Exception {
        String text = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        long used = 0;
        Matcher m = HEAP_USED.matcher(text);
        while (m.find()) {
            used += (long) Double.parseDouble(m.group(1));
        }
        Matcher old = OLD.matcher(text);
        return new long[] {used, old.find() ? (long) Double.parseDouble(old.group(1)) : -1};
    }

    HeapSampler start() {
        thread.start();
        return this;
    }

    long peakUsed() {
        return peakUsed;
    }

    long peakOld() {
        return peakOld;
    }

    int samples() {
        return samples;
    }

    private void loop() {
        while (running) {
            try {
                long[] now = sample();
                peakUsed = Math.max(peakUsed, now[0]);
                peakOld = Math.max(peakOld, now[1]);
                samples++;
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample is not a result
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
