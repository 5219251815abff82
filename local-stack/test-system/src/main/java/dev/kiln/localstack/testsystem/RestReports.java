package dev.kiln.localstack.testsystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.events.TestReported;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports over REST: {@code POST /api/v1/releases/{version}/test-reports} with a {@code tester} token. The same
 * {@code reportId} again is answered with the stored report, so a retry is safe. A refusal (4xx) is logged and not
 * retried: the same report would be refused again.
 */
final class RestReports implements ReportSender {

    private static final Logger LOG = LoggerFactory.getLogger(RestReports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI releaseService;
    private final String token;

    RestReports(HttpClient http, URI releaseService, String token) {
        this.http = http;
        this.releaseService = releaseService;
        this.token = token;
    }

    @Override
    public void send(TestReported report) {
        URI uri = releaseService.resolve("/api/v1/releases/" + report.version() + "/test-reports");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body(report))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("release-service did not answer POST " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted posting to " + uri, e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new Unavailable("POST " + uri + " answered " + status + ": " + response.body());
        }
        if (status >= 400) {
            LOG.error("release-service refused report {}: {} {}", report.reportId(), status, response.body());
        }
    }

    /** The request body: {@code {suite, arch, vendor?, result, attempt, detailsUrl?, reportId}}. */
    static String body(TestReported report) {
        ObjectNode body = JSON.createObjectNode().put("suite", report.suite()).put("arch", report.arch());
        if (report.vendor() != null) {
            body.put("vendor", report.vendor());
        }
        body.put("result", report.result()).put("attempt", report.attempt());
        if (report.detailsUrl() != null) {
            body.put("detailsUrl", report.detailsUrl());
        }
        return body.put("reportId", report.reportId()).toString();
    }
}
