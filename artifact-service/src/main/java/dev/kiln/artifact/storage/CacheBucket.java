package dev.kiln.artifact.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.errors.MinioException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the cache bucket when it is missing: at startup (a few tries), then from the readiness check. */
@ApplicationScoped
public class CacheBucket {

    private static final Logger LOG = Logger.getLogger(CacheBucket.class);
    private static final int STARTUP_ATTEMPTS = 5;

    private final S3Clients clients;
    private volatile boolean ensured;

    public CacheBucket(S3Clients clients) {
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) throws InterruptedException {
        long delay = 500;
        for (int attempt = 1; attempt <= STARTUP_ATTEMPTS; attempt++) {
            try {
                ensure();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("bucket %s not ready (attempt %d of %d): %s", clients.bucket(), attempt, STARTUP_ATTEMPTS,
                        e.getMessage());
                Thread.sleep(delay);
                delay *= 2;
            }
        }
        LOG.errorf("bucket %s is not available; readiness stays down until it is", clients.bucket());
    }

    /** Makes sure the bucket exists; throws when the store cannot be reached. */
    public void ensure() {
        if (ensured) {
            return;
        }
        try {
            if (!clients.blocking().bucketExists(BucketExistsArgs.builder().bucket(clients.bucket()).build())) {
                clients.blocking().makeBucket(MakeBucketArgs.builder().bucket(clients.bucket()).build());
                LOG.infof("created bucket %s", clients.bucket());
            }
            ensured = true;
        } catch (MinioException e) {
            throw S3Errors.unavailable("create the bucket " + clients.bucket(), e);
        }
    }

    /** Whether the store answers now. */
    public boolean reachable() {
        try {
            return clients.blocking().bucketExists(BucketExistsArgs.builder().bucket(clients.bucket()).build());
        } catch (MinioException | RuntimeException e) {
            return false;
        }
    }
}
