package dev.kiln.release.domain.gate;

import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Optional;

/** Where a release's test reports (every attempt) and approvals are kept (port). Every call needs a transaction. */
public interface EvidenceStore {

    /** A stored report with the release it is about and who sent it. */
    record StoredReport(Version version, TestReport report, String reportedBy) {
    }

    List<TestReport> reports(Version version);

    Optional<StoredReport> report(String reportId);

    /** The highest attempt number stored for one suite on one target; 0 when none. {@code vendor} null: the arch as a whole. */
    int lastAttempt(Version version, String suite, String arch, String vendor);

    void add(Version version, TestReport report, String reportedBy);

    List<Approval> approvals(Version version);

    void add(Version version, Approval approval);
}
