package dev.kiln.artifact;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.ArtifactStored;
import dev.kiln.events.KilnEvent;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.ServiceBootContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;

@QuarkusTest
@QuarkusTestResource(value = KilnServicesResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "s3", value = "true"))
class ArtifactServiceBootTest extends ServiceBootContract {

    @Inject
    Outbox outbox;

    ArtifactServiceBootTest() {
        super("artifact_service", "/kiln/artifact-service");
    }

    @Override
    protected KilnEvent sampleEvent() {
        return new ArtifactStored("build-logs/4799.0.0+nightly-20260821-2100/boot-" + java.util.UUID.randomUUID() + ".log",
                "4799.0.0+nightly-20260821-2100", "build-logs", null, 0,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "text/plain", "test", Instant.now());
    }

    @Override
    protected void commitThroughOutbox(KilnEvent event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
    }
}
