package dev.kiln.release.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of test_report: one attempt of one suite on one target. */
@Entity
@Table(name = "test_report")
public class TestReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id")
    public String reportId;
    public String version;
    public String suite;
    public String arch;
    public String vendor;
    public String result;
    public int attempt;
    @Column(name = "details_url")
    public String detailsUrl;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "received_at")
    public Instant receivedAt;
}
