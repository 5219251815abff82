package dev.kiln.console.live;

import dev.kiln.console.client.Backend;
import dev.kiln.console.client.BackendException;
import dev.kiln.console.client.BuildRunnerApi;
import dev.kiln.console.client.Builds;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The growing end of one step run's log. build-runner serves a log whole and has no stream, so while the run
 * goes on the console re-reads it every {@code every} and sends what is new; the run's last event (from Kafka)
 * ends the tail after two more reads, which pick up the stored copy.
 */
final class LogTail {

    /** What one read found beyond what was sent; {@code last} when the tail is over. */
    record Chunk(String text, boolean last) {
    }

    private static final int READS_AFTER_END = 2;

    private final BuildRunnerApi runner;
    private final String build;
    private final String run;
    private final AtomicInteger sent;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicInteger readsAfterEnd = new AtomicInteger();

    LogTail(BuildRunnerApi runner, String build, String run, int from) {
        this.runner = runner;
        this.build = build;
        this.run = run;
        this.sent = new AtomicInteger(Math.max(0, from));
    }

    Multi<Chunk> chunks(Duration every, Multi<LiveEvent> events) {
        if (runFinished()) {
            ended.set(true);
        }
        Cancellable watch = events.filter(e -> run.equals(e.run()) && e.endsRun()).subscribe().with(e -> ended.set(true));
        AtomicBoolean over = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(10)).every(every)
                .onOverflow().drop()
                // reads block: on a worker thread, never on the event loop the stream was subscribed on
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(this::read)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .filter(chunk -> !chunk.text().isEmpty() || chunk.last())
                .select().first(chunk -> !over.getAndSet(over.get() || chunk.last()))
                .onTermination().invoke(watch::cancel);
    }

    private Chunk read() {
        boolean last = ended.get() && readsAfterEnd.incrementAndGet() >= READS_AFTER_END;
        String log = Backend.find("build-runner", () -> runner.log(build, run)).orElse("");
        int from = sent.get();
        if (log.length() <= from) {
            return new Chunk("", last);
        }
        sent.set(log.length());
        return new Chunk(log.substring(from), last);
    }

    private boolean runFinished() {
        try {
            Optional<Builds.StepRun> step = Backend.find("build-runner", () -> runner.build(build)).flatMap(b ->
                    b.steps().stream().filter(s -> s.run().equals(run)).findFirst());
            return step.map(Builds.StepRun::finished).orElse(true);
        } catch (BackendException e) {
            return false;
        }
    }
}
