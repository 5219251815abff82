package dev.kiln.release.api;

import dev.kiln.release.service.TestReports;
import java.time.Instant;
import java.util.Locale;

/** A stored test report (one attempt). */
public record TestReportResponse(String reportId, String version, String suite, String arch, String vendor, String result,
        int attempt, String detailsUrl, String reportedBy, Instant receivedAt) {

    static TestReportResponse of(TestReports.Outcome o) {
        var r = o.report();
        return new TestReportResponse(r.reportId(), o.version().toString(), r.suite(), r.arch(), r.vendor(),
                r.result().name().toLowerCase(Locale.ROOT), r.attempt(), r.detailsUrl(), o.reportedBy(), r.receivedAt());
    }
}
