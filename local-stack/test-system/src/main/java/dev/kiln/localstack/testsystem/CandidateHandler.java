package dev.kiln.localstack.testsystem;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.ReleaseCandidate;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.flatcar.Version;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event from {@code kiln.releases}: a release candidate not tested before is checked and every report its gates
 * require is sent; only then is its {@code ce_id} recorded as handled. Other event types are not for a test system.
 * An {@link Unavailable} leaves the candidate unhandled, to be delivered again.
 */
public final class CandidateHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateHandler.class);

    /** What the handler needs to learn about a candidate's release and its images. */
    public interface Checks {
        /** The targets the release's gates require, or empty when release-service knows no such release. */
        Optional<List<Target>> required(String version);

        ArchCheck check(String arch, String imagesDir, Version version, List<String> vendors);
    }

    private final HandledEvents handled;
    private final Checks checks;
    private final SuiteRuns runs;
    private final ReportSender sender;
    private final String reportedBy;
    private final Clock clock;

    public CandidateHandler(HandledEvents handled, Checks checks, SuiteRuns runs, ReportSender sender, String reportedBy,
            Clock clock) {
        this.handled = handled;
        this.checks = checks;
        this.runs = runs;
        this.sender = sender;
        this.reportedBy = reportedBy;
        this.clock = clock;
    }

    public void handle(IncomingEvent event) {
        if (!event.is(EventCatalog.RELEASE_CANDIDATE)) {
            return;
        }
        if (handled.contains(event.id())) {
            LOG.info("candidate event {} was tested already (ce_id seen before): skipped", event.id());
            return;
        }
        ReleaseCandidate candidate = event.dataAs(EventCatalog.RELEASE_CANDIDATE);
        LOG.info("candidate {} for {} (event {}): arches {}, vendors {}", candidate.version(), candidate.channel(), event.id(),
                candidate.arches(), candidate.vendors());
        Optional<Version> version = Version.tryParse(candidate.version());
        Optional<List<Target>> targets = version.isEmpty() ? Optional.empty() : checks.required(candidate.version());
        if (targets.isEmpty()) {
            LOG.warn("release-service knows no release {}: nothing to report", candidate.version());
            handled.add(event.id());
            return;
        }
        LOG.info("{}'s gates require {}", candidate.version(), targets.get().stream().map(Target::describe).toList());
        Map<String, ArchCheck> archChecks = new LinkedHashMap<>();
        targets.get().stream().map(Target::arch).distinct().filter(candidate.arches()::contains).forEach(arch ->
                archChecks.put(arch, checks.check(arch, imagesDir(candidate, arch), version.get(), vendors(candidate))));
        for (Attempt attempt : runs.plan(targets.get(), archChecks)) {
            sender.send(attempt.report(event.id(), candidate.version(), reportedBy, clock.instant()));
            LOG.info("reported {} attempt {}: {} ({})", attempt.target().describe(), attempt.number(),
                    attempt.passed() ? "passed" : "failed", attempt.why());
        }
        handled.add(event.id());
        LOG.info("candidate {} done", candidate.version());
    }

    private static String imagesDir(ReleaseCandidate candidate, String arch) {
        return candidate.imageUrls() == null ? null : candidate.imageUrls().get(arch);
    }

    private static List<String> vendors(ReleaseCandidate candidate) {
        return candidate.vendors() == null ? List.of() : candidate.vendors();
    }
}
