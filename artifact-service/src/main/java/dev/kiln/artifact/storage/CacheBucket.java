package dev.kiln.artifact.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.errors.MinioException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the cache bucket when it is missing: at startup, and again from the readiness check until it exists. */
@ApplicationScoped
public class CacheBucket {

    private static final Logger LOG = Logger.getLogger(CacheBucket.class);

    private final S3Clients clients;
    private volatile boolean ensured;

    public CacheBucket(S3Clients clients) {
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensure();
        } catch (RuntimeException e) {
            LOG.warnf("bucket %s not ready at startup, readiness stays down until it is: %s", clients.bucket(),
                    e.getMessage());
        }
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
