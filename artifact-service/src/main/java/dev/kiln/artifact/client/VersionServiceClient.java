package dev.kiln.artifact.client;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.gc.KnownVersion;
import dev.kiln.artifact.domain.gc.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * version-service through its REST API, with this service's bearer token. A tag that is already gone (404)
 * counts as deleted, so a repeated garbage collection converges; transient failures are retried a few times.
 */
@ApplicationScoped
public class VersionServiceClient implements VersionService {

    private static final Logger LOG = Logger.getLogger(VersionServiceClient.class);
    private static final int PAGE_SIZE = 500;
    private static final int ATTEMPTS = 3;

    private final VersionServiceApi api;
    private final String authorization;
    private final Clock clock;

    public VersionServiceClient(@RestClient VersionServiceApi api, ArtifactConfig config, Clock clock) {
        this.api = api;
        this.authorization = config.serviceToken().filter(t -> !t.isBlank()).map(t -> "Bearer " + t).orElse(null);
        this.clock = clock;
    }

    @Override
    public List<KnownVersion> listAll() {
        List<KnownVersion> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            int current = page;
            VersionServiceApi.VersionPage result = withRetries("list versions", () -> api.list(current, PAGE_SIZE,
                    authorization));
            result.items().forEach(item -> all.add(toKnown(item)));
            if (result.items().isEmpty() || (long) (page + 1) * result.size() >= result.total()) {
                return all;
            }
        }
    }

    @Override
    public void deleteTag(String tag) {
        withRetries("delete tag " + tag, () -> {
            try (Response response = api.delete(tag, authorization)) {
                return response.getStatus();
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return 404;
                }
                throw e;
            }
        });
    }

    /** A version without a creation time is treated as created now: young, so never purged for its age. */
    private KnownVersion toKnown(VersionServiceApi.VersionItem item) {
        return KnownVersion.of(item.tag(), item.version(),
                item.createdAt() != null ? item.createdAt() : clock.instant());
    }

    private static <T> T withRetries(String what, java.util.function.Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return call.get();
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status < 500) {
                    throw new ArtifactException(ArtifactException.Reason.DEPENDENCY_UNAVAILABLE,
                            "version-service-refused", "version-service refused to " + what + ": HTTP " + status, e);
                }
                last = e;
            } catch (ProcessingException e) {
                last = e;
            }
            LOG.debugf("version-service: %s failed (attempt %d): %s", what, attempt, last.getMessage());
            pause(attempt);
        }
        throw new ArtifactException(ArtifactException.Reason.DEPENDENCY_UNAVAILABLE, "version-service-unavailable",
                "version-service failed to " + what + ": " + last.getMessage(), last);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
