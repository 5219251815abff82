package dev.kiln.release.api;

import dev.kiln.release.service.NewTestReport;

/** Body of POST /api/v1/releases/{version}/test-reports; checked by the service, which names the field at fault. */
public record TestReportRequest(String suite, String arch, String vendor, String result, Integer attempt, String detailsUrl,
        String reportId) {

    NewTestReport toNewReport() {
        return new NewTestReport(suite, arch, vendor, result, attempt, detailsUrl, reportId);
    }
}
