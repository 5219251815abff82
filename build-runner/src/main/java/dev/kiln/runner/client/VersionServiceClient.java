package dev.kiln.runner.client;

import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.domain.build.VersionInfo;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.VersionAllocator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@link VersionAllocator} over version-service's REST API; allocation is idempotent by key, so retries are safe. */
@ApplicationScoped
public class VersionServiceClient implements VersionAllocator {

    private final VersionServiceApi api;
    private final BoundedRetry retry = new BoundedRetry(3, Duration.ofMillis(300));

    public VersionServiceClient(@RestClient VersionServiceApi api) {
        this.api = api;
    }

    @Override
    public VersionInfo allocate(VersionRequest request, String idempotencyKey) {
        var body = new VersionServiceApi.AllocationBody(request.kind().id(), request.branch(), request.from(), request.to(),
                request.suffix(), request.sdkVersion());
        return retry.call("version-service POST /api/v1/versions", () -> {
            try {
                return toVersion(api.allocate(idempotencyKey, body));
            } catch (RuntimeException e) {
                throw Failures.of("version-service POST /api/v1/versions", e);
            }
        });
    }

    @Override
    public Optional<VersionInfo> find(String tag) {
        return retry.call("version-service GET /api/v1/versions/" + tag, () -> {
            try {
                return Optional.of(toVersion(api.get(tag)));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw Failures.of("version-service GET /api/v1/versions/" + tag, e);
            } catch (RuntimeException e) {
                throw Failures.of("version-service GET /api/v1/versions/" + tag, e);
            }
        });
    }

    private static VersionInfo toVersion(VersionServiceApi.VersionBody v) {
        if (v == null || v.tag() == null || v.version() == null || v.versionId() == null || v.sdkVersion() == null) {
            throw new PortException("version-service answered without tag, version, versionId or sdkVersion: " + v,
                    true, null);
        }
        String channel = v.channel() != null ? v.channel() : v.group();
        return new VersionInfo(v.tag(), v.version(), v.versionId(), v.buildId() == null ? "" : v.buildId(),
                v.sdkVersion(), channel, v.branch(), v.commit());
    }
}
