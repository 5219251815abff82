package dev.kiln.release.domain.gate;

import dev.kiln.flatcar.Version;
import java.util.List;

/** Every requirement of a release's gates with its status, and the overall verdict they give. */
public record GateReport(Version version, List<Requirement> requirements, Verdict verdict) {

    /** {@code HOLDS}: all satisfied; {@code FAILED}: any failed; {@code PENDING}: otherwise. */
    public enum Verdict {
        HOLDS,
        PENDING,
        FAILED
    }

    public GateReport {
        requirements = List.copyOf(requirements);
    }

    static Verdict verdictOf(List<Requirement> requirements) {
        if (requirements.stream().anyMatch(r -> r.status() == Status.FAILED)) {
            return Verdict.FAILED;
        }
        return requirements.stream().allMatch(r -> r.status() == Status.SATISFIED) ? Verdict.HOLDS : Verdict.PENDING;
    }

    public boolean holds() {
        return verdict == Verdict.HOLDS;
    }
}
