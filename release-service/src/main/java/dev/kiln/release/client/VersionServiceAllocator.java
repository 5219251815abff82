package dev.kiln.release.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.clients.version.VersionResponse;
import dev.kiln.clients.version.VersionServiceClient;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.VersionRequest;
import dev.kiln.release.domain.promotion.AllocatedVersion;
import dev.kiln.release.domain.promotion.CallFailedException;
import dev.kiln.release.domain.promotion.VersionAllocator;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link VersionAllocator} over the shared version-service client (service token, retries of transient failures). */
@ApplicationScoped
public class VersionServiceAllocator implements VersionAllocator {

    private final VersionServiceClient client;

    public VersionServiceAllocator(VersionServiceClient client) {
        this.client = client;
    }

    @Override
    public AllocatedVersion allocate(VersionRequest request, String idempotencyKey) {
        VersionResponse answer;
        try {
            answer = client.allocate(CreateVersionRequest.of(request), idempotencyKey);
        } catch (ServiceCallException e) {
            throw new CallFailedException(e.getMessage(), e.permanent(), e);
        }
        Tag tag = answer == null || answer.tag() == null ? null : Tag.tryParse(answer.tag()).orElse(null);
        if (tag == null || !tag.isRelease()) {
            throw new CallFailedException("version-service answered " + (answer == null ? "nothing" : "tag " + answer.tag())
                    + " for a " + request.kind().id() + " request; a release tag like beta-4790.1.0 was expected", true, null);
        }
        return new AllocatedVersion(tag);
    }
}
