package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.common.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the cache's refusals into problem+json with a status per reason and a stable type per slug. */
public class ArtifactProblemMapper {

    private static final Logger LOG = Logger.getLogger(ArtifactProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private record Status(int code, String title) {
    }

    private static final Map<ArtifactException.Reason, Status> STATUS = Map.of(
            ArtifactException.Reason.INVALID_PATH, new Status(400, "Invalid cache path"),
            ArtifactException.Reason.INVALID_REQUEST, new Status(400, "Bad request"),
            ArtifactException.Reason.UPLOAD_INCOMPLETE, new Status(400, "Incomplete upload"),
            ArtifactException.Reason.UPLOAD_INTERRUPTED, new Status(400, "Interrupted upload"),
            ArtifactException.Reason.DIGEST_MISMATCH, new Status(422, "Digest mismatch"),
            ArtifactException.Reason.TOO_LARGE, new Status(413, "Artifact too large"),
            ArtifactException.Reason.CAPACITY_EXHAUSTED, new Status(503, "Upload capacity exhausted"),
            ArtifactException.Reason.NOT_FOUND, new Status(404, "Not found"),
            ArtifactException.Reason.CONFLICT, new Status(409, "Conflict"),
            ArtifactException.Reason.DEPENDENCY_UNAVAILABLE, new Status(503, "Dependency unavailable"));

    @ServerExceptionMapper
    public Response refused(ArtifactException e, UriInfo uri) {
        Status status = STATUS.get(e.reason());
        if (status.code() >= 500) {
            LOG.warnf("%s %s: %s", status.code(), e.slug(), e.getMessage());
        }
        Response response = ProblemResponses.of(status.code(), e.slug(), status.title(), e.getMessage(),
                "/" + uri.getPath().replaceFirst("^/", ""), null);
        return status.code() == 503
                ? Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build()
                : response;
    }
}
