package dev.kiln.artifact.client;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.gc.KnownVersion;
import dev.kiln.artifact.domain.gc.VersionService;
import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.version.VersionResponse;
import dev.kiln.clients.version.VersionServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The garbage collector's port to version-service, over the shared client (which presents the service token
 * and retries transient failures); a call that still fails is the domain's "dependency unavailable".
 */
@ApplicationScoped
public class RemoteVersionService implements VersionService {

    /** Recorded by version-service with the deletion, so its history says who removed the tag. */
    static final String DELETE_REASON = "garbage collection of dev builds by artifact-service";

    private final VersionServiceClient client;
    private final Clock clock;

    public RemoteVersionService(VersionServiceClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public List<KnownVersion> listAll() {
        return unavailableOnFailure("list versions", () -> client.listTagged().stream().map(this::toKnown).toList());
    }

    @Override
    public void deleteTag(String tag) {
        unavailableOnFailure("delete tag " + tag, () -> {
            client.delete(tag, DELETE_REASON);
            return null;
        });
    }

    /** A version without a creation time is treated as created now: young, so never purged for its age. */
    private KnownVersion toKnown(VersionResponse version) {
        return KnownVersion.of(version.tag(), version.version(),
                version.createdAt() != null ? version.createdAt() : clock.instant());
    }

    private static <T> T unavailableOnFailure(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceCallException e) {
            String slug = e.permanent() ? "version-service-refused" : "version-service-unavailable";
            throw new ArtifactException(ArtifactException.Reason.DEPENDENCY_UNAVAILABLE, slug,
                    "version-service failed to " + what + ": " + e.getMessage(), e);
        }
    }
}
