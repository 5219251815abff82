package dev.kiln.release.persistence;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.gate.Approval;
import dev.kiln.release.domain.gate.EvidenceStore;
import dev.kiln.release.domain.gate.TestReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Test reports and approvals in the test_report and approval tables. */
@ApplicationScoped
public class JpaEvidenceStore implements EvidenceStore {

    private final EntityManager em;

    public JpaEvidenceStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<TestReport> reports(Version version) {
        return em.createQuery("select t from TestReportEntity t where t.version = :v order by t.id", TestReportEntity.class)
                .setParameter("v", version.toString()).getResultStream().map(JpaEvidenceStore::toReport).toList();
    }

    @Override
    public Optional<StoredReport> report(String reportId) {
        return em.createQuery("select t from TestReportEntity t where t.reportId = :id", TestReportEntity.class)
                .setParameter("id", reportId).getResultStream().findFirst()
                .map(t -> new StoredReport(Version.parse(t.version), toReport(t), t.reportedBy));
    }

    @Override
    public int lastAttempt(Version version, String suite, String arch, String vendor) {
        Integer max = em.createQuery("select max(t.attempt) from TestReportEntity t where t.version = :v and t.suite = :s"
                        + " and t.arch = :a and (t.vendor = :vendor or (t.vendor is null and :vendor is null))", Integer.class)
                .setParameter("v", version.toString()).setParameter("s", suite).setParameter("a", arch)
                .setParameter("vendor", vendor).getSingleResult();
        return max == null ? 0 : max;
    }

    @Override
    public void add(Version version, TestReport report, String reportedBy) {
        TestReportEntity row = new TestReportEntity();
        row.reportId = report.reportId();
        row.version = version.toString();
        row.suite = report.suite();
        row.arch = report.arch();
        row.vendor = report.vendor();
        row.result = report.result().name().toLowerCase(Locale.ROOT);
        row.attempt = report.attempt();
        row.detailsUrl = report.detailsUrl();
        row.reportedBy = reportedBy;
        row.receivedAt = report.receivedAt();
        em.persist(row);
        em.flush();
    }

    @Override
    public List<Approval> approvals(Version version) {
        return em.createQuery("select a from ApprovalEntity a where a.version = :v order by a.id", ApprovalEntity.class)
                .setParameter("v", version.toString()).getResultStream()
                .map(a -> new Approval(a.identity, new HashSet<>(JpaReleaseStore.split(a.roles)),
                        Approval.Decision.valueOf(a.decision.toUpperCase(Locale.ROOT)), a.comment, a.at))
                .toList();
    }

    @Override
    public void add(Version version, Approval approval) {
        ApprovalEntity row = new ApprovalEntity();
        row.version = version.toString();
        row.identity = approval.identity();
        row.roles = String.join(",", approval.roles().stream().sorted().toList());
        row.decision = approval.decision().name().toLowerCase(Locale.ROOT);
        row.comment = approval.comment();
        row.at = approval.at();
        em.persist(row);
        em.flush();
    }

    private static TestReport toReport(TestReportEntity t) {
        return new TestReport(t.reportId, t.suite, t.arch, t.vendor, TestReport.Result.valueOf(t.result.toUpperCase(Locale.ROOT)),
                t.attempt, t.detailsUrl, t.receivedAt);
    }
}
