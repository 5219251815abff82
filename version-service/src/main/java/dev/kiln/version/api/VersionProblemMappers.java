package dev.kiln.version.api;

import dev.kiln.common.problem.Problem;
import dev.kiln.common.problem.ProblemResponses;
import dev.kiln.version.domain.AllocationBusyException;
import dev.kiln.version.domain.AllocationInProgressException;
import dev.kiln.version.domain.IdempotencyKeyReusedException;
import dev.kiln.version.domain.IllegalVersionRequestException;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.MalformedVersionException;
import dev.kiln.version.domain.OfficialTagNotDeletableException;
import dev.kiln.version.domain.RepositoryUnavailableException;
import dev.kiln.version.domain.TagConflictException;
import dev.kiln.version.domain.VersionNotFoundException;
import dev.kiln.version.domain.VersionTakenException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The version-service's errors as problem+json, one stable slug each. */
public class VersionProblemMappers {

    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response malformed(MalformedVersionException e, UriInfo uri) {
        return problem(400, "malformed-version", "Malformed version", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidVersionRequestException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList();
        return ProblemResponses.of(400, "validation", "Invalid request", e.getMessage(), path(uri), errors);
    }

    @ServerExceptionMapper
    public Response illegal(IllegalVersionRequestException e, UriInfo uri) {
        return problem(422, "illegal-version-request", "Illegal version request", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problem(422, "idempotency-key-reused", "Unprocessable request", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response taken(VersionTakenException e, UriInfo uri) {
        return problem(409, "version-already-allocated", "Version already allocated", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response tagConflict(TagConflictException e, UriInfo uri) {
        return problem(409, "tag-conflict", "Conflicting tag", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response official(OfficialTagNotDeletableException e, UriInfo uri) {
        return problem(409, "official-tag-not-deletable", "Official tag", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response inProgress(AllocationInProgressException e, UriInfo uri) {
        return problem(409, "allocation-in-progress", "Allocation in progress", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(VersionNotFoundException e, UriInfo uri) {
        return problem(404, "version-not-found", "Not found", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response busy(AllocationBusyException e, UriInfo uri) {
        return retryLater(problem(503, "allocation-busy", "Allocation busy", e.getMessage(), uri));
    }

    @ServerExceptionMapper
    public Response unavailable(RepositoryUnavailableException e, UriInfo uri) {
        String detail = e.getMessage() + (e.pushMayHaveHappened()
                ? "; the push may have reached the remote: retry with the same Idempotency-Key to converge" : "");
        return retryLater(problem(503, "scripts-repository-unavailable", "Scripts repository unavailable", detail, uri));
    }

    private static Response problem(int status, String slug, String title, String detail, UriInfo uri) {
        return ProblemResponses.of(status, slug, title, detail, path(uri), null);
    }

    private static Response retryLater(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
