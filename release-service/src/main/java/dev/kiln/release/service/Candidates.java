package dev.kiln.release.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.ReleaseCandidate;
import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Version;
import dev.kiln.release.config.ReleaseConfig;
import dev.kiln.release.domain.promotion.BuiltVersion;
import dev.kiln.release.domain.promotion.PromotionRequest;
import dev.kiln.release.domain.promotion.PromotionStore;
import dev.kiln.release.domain.release.PipelineInputs;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a successful build of an official version into a release candidate, announces it to test systems and settles
 * its gates at once (a policy may have nothing to wait for). A
 * replayed or late build of a version that is already a release changes nothing; builds of other versions
 * (nightlies, dev builds) are not releases and are ignored.
 */
@ApplicationScoped
public class Candidates {

    private static final Logger LOG = Logger.getLogger(Candidates.class);
    private static final String GATE_KEEPER = "gate-keeper";

    private final ReleaseStore releases;
    private final Outbox outbox;
    private final Clock clock;
    private final ReleaseConfig config;
    private final PromotionStore requests;
    private final GateKeeper gates;

    public Candidates(ReleaseStore releases, Outbox outbox, Clock clock, ReleaseConfig config, PromotionStore requests,
            GateKeeper gates) {
        this.releases = releases;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.requests = requests;
        this.gates = gates;
    }

    /** {@link #buildSucceeded(BuiltVersion)} with the event's data. */
    @Transactional
    public Optional<Release> buildSucceeded(BuildSucceeded event) {
        return buildSucceeded(BuildEnds.of(event));
    }

    /** Returns the new candidate, or empty when the build makes none. */
    @Transactional
    public Optional<Release> buildSucceeded(BuiltVersion build) {
        Optional<Version> version = Version.tryParse(build.version()).filter(v -> v.official() && v.channel() != null);
        if (version.isEmpty()) {
            LOG.debugf("build %s of %s is no official release; no candidate", build.buildId(), build.version());
            return Optional.empty();
        }
        Optional<Version> sdk = Version.tryParse(build.sdkVersion());
        if (build.arches().isEmpty() || sdk.isEmpty()) {
            LOG.errorf("build %s of %s names no arch or no valid SDK version (%s); no candidate", build.buildId(),
                    build.version(), build.sdkVersion());
            return Optional.empty();
        }
        Release candidate = Release.candidate(version.get(), build.commit(), build.buildId(), sdk.get(), build.arches(),
                build.vendors(), new PipelineInputs(build.pipeline(), build.pipelineDigest(), build.params()),
                requesterOf(build, version.get()), "build:" + build.buildId(),
                "build " + build.buildId() + " (" + build.pipeline() + ") succeeded", clock.instant());
        if (!releases.create(candidate)) {
            LOG.infof("build %s of %s: the release exists already; nothing to do", build.buildId(), build.version());
            return Optional.empty();
        }
        outbox.append(announcement(candidate));
        // a policy with nothing to wait for (no suites, no approvals, no soak) makes it ready, and published if autoPublish
        gates.settle(candidate, GATE_KEEPER);
        return Optional.of(candidate);
    }

    /**
     * Who asked for the release request that started this build: the approval gate does not count them. By version
     * too, for a build that ended before its request stored the build's id (a restart in between).
     */
    private Optional<String> requesterOf(BuiltVersion build, Version version) {
        return requests.findByBuild(build.buildId()).or(() -> requests.findByVersion(version))
                .map(PromotionRequest::requestedBy);
    }

    private ReleaseCandidate announcement(Release candidate) {
        String base = config.cacheUrl().endsWith("/") ? config.cacheUrl() : config.cacheUrl() + "/";
        Map<String, String> imageUrls = new LinkedHashMap<>();
        candidate.arches().forEach(arch -> imageUrls.put(arch, base + CacheAreas.imagesDir(arch, candidate.version())));
        return new ReleaseCandidate(candidate.version().toString(), candidate.tag().name(), candidate.buildId(),
                candidate.channel().id(), candidate.arches(), candidate.vendors(), candidate.history().getFirst().at(), imageUrls);
    }
}
