package dev.kiln.version.api;

import dev.kiln.clients.version.VersionResponse;
import dev.kiln.flatcar.Version;
import dev.kiln.version.domain.Allocation;

/** An allocation as the shared {@link VersionResponse} contract describes it. */
final class VersionResponses {

    private VersionResponses() {
    }

    static VersionResponse of(Allocation a) {
        Version v = a.tag().version();
        return new VersionResponse(a.tag().name(), v.plusForm(), v.versionId(), v.buildId(), a.plan().file().sdkVersion().plusForm(),
                a.tag().group().id(), v.channel().id(), a.plan().pushBranch(), a.plan().baseBranch(), a.commit(), v.official(),
                a.plan().kind().id(), a.status().id(), v.dashForm(), a.createdAt(), a.taggedAt(), a.deletedAt(), a.deleteReason());
    }
}
