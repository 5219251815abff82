package dev.kiln.version.api;

import dev.kiln.common.problem.Problem;
import dev.kiln.common.problem.ProblemResponses;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.MalformedVersionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The two refusals that come from module {@code flatcar}, which cannot extend common's DomainException; every
 * refusal of this service's own domain is a DomainException that common's ProblemMappers turns into problem+json.
 */
public class VersionProblemMappers {

    @ServerExceptionMapper
    public Response malformed(MalformedVersionException e, UriInfo uri) {
        return ProblemResponses.of(400, "malformed-version", "Malformed version", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidVersionRequestException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList();
        return ProblemResponses.of(400, "validation", "Invalid request", e.getMessage(), path(uri), errors);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
