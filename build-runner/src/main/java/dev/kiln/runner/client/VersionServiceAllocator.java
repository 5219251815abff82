package dev.kiln.runner.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.clients.version.VersionResponse;
import dev.kiln.clients.version.VersionServiceClient;
import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.domain.build.VersionInfo;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.VersionAllocator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@link VersionAllocator} over the shared version-service client, which carries the token and the retries. */
@ApplicationScoped
public class VersionServiceAllocator implements VersionAllocator {

    private final VersionServiceClient client;

    public VersionServiceAllocator(VersionServiceClient client) {
        this.client = client;
    }

    @Override
    public VersionInfo allocate(VersionRequest request, String idempotencyKey) {
        try {
            return toVersion(client.allocate(CreateVersionRequest.of(request), idempotencyKey));
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    @Override
    public Optional<VersionInfo> find(String tag) {
        try {
            return client.find(tag).map(VersionServiceAllocator::toVersion);
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    private static VersionInfo toVersion(VersionResponse v) {
        if (v == null || v.tag() == null || v.version() == null || v.versionId() == null || v.sdkVersion() == null) {
            throw new PortException("version-service answered without tag, version, versionId or sdkVersion: " + v,
                    true, null);
        }
        String channel = v.channel() != null ? v.channel() : v.group();
        return new VersionInfo(v.tag(), v.version(), v.versionId(), v.buildId() == null ? "" : v.buildId(),
                v.sdkVersion(), channel, v.branch(), v.commit());
    }
}
