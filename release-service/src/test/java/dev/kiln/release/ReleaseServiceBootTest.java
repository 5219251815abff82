package dev.kiln.release;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.ReleaseCandidate;
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
class ReleaseServiceBootTest extends ServiceBootContract {

    @Inject
    Outbox outbox;

    ReleaseServiceBootTest() {
        super("release_service", "/kiln/release-service");
    }

    @Override
    protected KilnEvent sampleEvent() {
        return new ReleaseCandidate("4593.2." + System.nanoTime() % 1000, "stable-4593.2.5", "b-boot", "stable",
                java.util.List.of("amd64"), java.util.List.of("qemu_uefi"), Instant.now());
    }

    @Override
    protected void commitThroughOutbox(KilnEvent event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
    }
}
