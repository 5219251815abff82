package dev.kiln.version;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.VersionTagged;
import dev.kiln.events.KilnEvent;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.ServiceBootContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;

@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class VersionServiceBootTest extends ServiceBootContract {

    @Inject
    Outbox outbox;

    VersionServiceBootTest() {
        super("version_service", "/kiln/version-service");
    }

    @Override
    protected KilnEvent sampleEvent() {
        return new VersionTagged("main-4799.0.0-nightly-20260821-2100", "4799.0.0+nightly-20260821-2100", "4799.0.0",
                "nightly-20260821-2100", "4799.0.0+nightly-20260821-2100", "developer", "alpha", "main",
                "ab6d76d957a1d1e0e4cc2b7e6b0a5f4c1f9c6e21", false, Instant.now());
    }

    @Override
    protected void commitThroughOutbox(KilnEvent event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
    }
}
