package dev.kiln.release.domain.release;

import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Published releases at risk: a gate was revoked after they were published (port). Every call needs a transaction. */
public interface RiskRegister {

    /** Marks {@code version} at risk; false, changing nothing, when it is already. */
    boolean mark(Version version, String reason, Instant at);

    /** Which of {@code versions} are at risk. */
    Set<Version> atRisk(Collection<Version> versions);
}
