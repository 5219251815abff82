package dev.kiln.release.messaging;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.outbox.OutboxConfig;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.TestReported;
import dev.kiln.release.service.NewTestReport;
import dev.kiln.release.service.TestReports;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code kiln.tests} (group {@code release-service-tests}): reports test systems publish themselves. Events
 * this service produced (reports it received over REST, by {@code ce_source}) were taken already and are skipped. A
 * report the service refuses (unknown release or suite...) is logged and dropped: there is nobody to answer.
 * {@code error} counts as a failed attempt; {@code skipped} is no attempt.
 */
@ApplicationScoped
public class TestEventsConsumer {

    static final String CONSUMER = "release-service-tests";
    private static final Logger LOG = Logger.getLogger(TestEventsConsumer.class);

    private final EventConsumption consumption;
    private final TestReports reports;
    private final String ownSource;

    public TestEventsConsumer(EventConsumption consumption, TestReports reports, OutboxConfig outbox) {
        this.consumption = consumption;
        this.reports = reports;
        this.ownSource = outbox.source();
    }

    @Incoming("tests-in")
    @Blocking
    public void tests(ConsumerRecord<String, String> record) {
        consumption.read(record).filter(e -> e.is(EventCatalog.TEST_REPORTED)).filter(e -> !ownSource.equals(e.source()))
                .ifPresent(event -> consumption.applyOnce(CONSUMER, event, e -> take(e.dataAs(EventCatalog.TEST_REPORTED))));
    }

    private void take(TestReported event) {
        if ("skipped".equals(event.result())) {
            LOG.debugf("report %s of %s %s was skipped; no attempt", event.reportId(), event.version(), event.suite());
            return;
        }
        String result = "error".equals(event.result()) ? "failed" : event.result();
        NewTestReport report = new NewTestReport(event.suite(), event.arch(), event.vendor(), result, event.attempt(),
                event.detailsUrl(), event.reportId());
        try {
            reports.reported(event.version(), report, Objects.requireNonNullElse(event.reportedBy(), "kiln.tests"));
        } catch (DomainException refused) {
            LOG.warnf("dropping test report %s of %s from %s: %s (%s)", event.reportId(), event.version(), event.reportedBy(),
                    refused.getMessage(), refused.slug());
        }
    }
}
