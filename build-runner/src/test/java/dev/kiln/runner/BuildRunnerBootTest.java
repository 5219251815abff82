package dev.kiln.runner;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.BuildRequested;
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
class BuildRunnerBootTest extends ServiceBootContract {

    @Inject
    Outbox outbox;

    BuildRunnerBootTest() {
        super("build_runner", "/kiln/build-runner");
    }

    @Override
    protected KilnEvent sampleEvent() {
        return new BuildRequested("b-boot-" + java.util.UUID.randomUUID(), "full", "nightly", "main", null,
                java.util.List.of("amd64"), java.util.List.of("qemu_uefi"), "test", Instant.now());
    }

    @Override
    protected void commitThroughOutbox(KilnEvent event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
    }
}
