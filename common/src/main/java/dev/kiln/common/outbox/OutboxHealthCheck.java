package dev.kiln.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog and the relay's last Kafka error. It stays UP while Kafka is away: the
 * service keeps accepting work and the outbox keeps it until Kafka returns.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up()
                .withData("backlog", relay.backlog())
                .withData("consecutiveFailures", relay.consecutiveFailures());
        String error = relay.lastError();
        if (error != null) {
            response.withData("lastError", error);
        }
        return response.build();
    }
}
