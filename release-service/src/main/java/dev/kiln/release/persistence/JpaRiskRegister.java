package dev.kiln.release.persistence;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.release.RiskRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Releases at risk in the release_risk table. */
@ApplicationScoped
public class JpaRiskRegister implements RiskRegister {

    private final EntityManager em;

    public JpaRiskRegister(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean mark(Version version, String reason, Instant at) {
        return em.createNativeQuery("insert into release_risk (version, reason, since) values (?1, ?2, ?3) on conflict (version) do nothing")
                .setParameter(1, version.toString()).setParameter(2, reason.length() <= 2000 ? reason : reason.substring(0, 2000))
                .setParameter(3, at).executeUpdate() == 1;
    }

    @Override
    public Set<Version> atRisk(Collection<Version> versions) {
        if (versions.isEmpty()) {
            return Set.of();
        }
        List<?> rows = em.createNativeQuery("select version from release_risk where version in (:versions)")
                .setParameter("versions", versions.stream().map(Version::toString).toList()).getResultList();
        return rows.stream().map(v -> Version.parse((String) v)).collect(Collectors.toUnmodifiableSet());
    }
}
