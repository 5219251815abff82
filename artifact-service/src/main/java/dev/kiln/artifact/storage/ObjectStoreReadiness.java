package dev.kiln.artifact.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the cache bucket exists and the object store answers. */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {

    private final CacheBucket bucket;
    private final S3Clients clients;

    public ObjectStoreReadiness(CacheBucket bucket, S3Clients clients) {
        this.bucket = bucket;
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            bucket.ensure();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("object-store").down().withData("error", e.getMessage()).build();
        }
        boolean reachable = bucket.reachable();
        return HealthCheckResponse.named("object-store").status(reachable).withData("bucket", clients.bucket()).build();
    }
}
