package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.StoredArtifact;
import java.time.Instant;

/** The index entry of one stored file. {@code generated} marks a DIGESTS file Kiln wrote itself. */
public record ArtifactResponse(
        String path,
        String url,
        String area,
        String version,
        String arch,
        long size,
        String sha256,
        String md5,
        String sha1,
        String sha512,
        String contentType,
        Instant createdAt,
        String uploadedBy,
        boolean generated) {

    static ArtifactResponse of(StoredArtifact a) {
        return new ArtifactResponse(a.path().value(), CacheResource.PREFIX + a.path().value(), a.location().area(),
                a.location().version(), a.location().arch(), a.digests().size(), a.digests().sha256(),
                a.digests().md5(), a.digests().sha1(), a.digests().sha512(), a.contentType(), a.createdAt(),
                a.uploadedBy(), a.generated());
    }
}
