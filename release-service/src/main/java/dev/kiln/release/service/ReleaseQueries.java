package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.gate.GateReport;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.ReleaseStore.ReleaseFilter;
import dev.kiln.release.domain.release.ReleaseStore.ReleasePage;
import dev.kiln.release.domain.release.RiskRegister;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads releases and their gates. */
@ApplicationScoped
public class ReleaseQueries {

    private final ReleaseStore releases;
    private final GateKeeper gates;
    private final RiskRegister risks;

    public ReleaseQueries(ReleaseStore releases, GateKeeper gates, RiskRegister risks) {
        this.releases = releases;
        this.gates = gates;
        this.risks = risks;
    }

    /** Which of {@code versions} are published releases whose gates were revoked since. */
    @Transactional
    public Set<Version> atRisk(Collection<Version> versions) {
        return risks.atRisk(versions);
    }

    /** {@code channel} and {@code state} as the API spells them; null or blank for any. */
    @Transactional
    public ReleasePage list(String channel, String state, int offset, int size) {
        ReleaseFilter filter = new ReleaseFilter(blank(channel) ? Optional.empty() : Optional.of(channel(channel)),
                blank(state) ? Optional.empty() : Optional.of(state(state)));
        return releases.list(filter, offset, size);
    }

    @Transactional
    public Release get(String version) {
        return Version.tryParse(version).flatMap(releases::find).orElseThrow(() -> new ReleaseNotFoundException(version));
    }

    @Transactional
    public GateReport gates(String version) {
        return gates.evaluate(get(version));
    }

    private static Channel channel(String id) {
        return Channel.ofId(id).orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "invalid-filter",
                "channel must be alpha, beta, stable or lts, was '" + id + "'"));
    }

    private static ReleaseState state(String id) {
        return Arrays.stream(ReleaseState.values()).filter(s -> s.id().equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "invalid-filter", "state must be one of "
                        + Arrays.stream(ReleaseState.values()).map(ReleaseState::id).toList() + ", was '" + id + "'"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
