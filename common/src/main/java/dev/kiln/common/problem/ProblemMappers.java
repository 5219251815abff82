package dev.kiln.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.common.error.DomainException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every error a Kiln REST endpoint can raise to problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, path(uri));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.fields().isEmpty() ? null
                : e.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        Response response = ProblemResponses.of(e.kind().status(), e.slug(), e.title(), e.getMessage(), path(uri), errors);
        return e.retryAfter()
                .map(wait -> Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())).build())
                .orElse(response);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(400, "validation", "Invalid request", detail, path(uri), errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? "field '" + fieldPath(mismatch) + "': " + (e instanceof InvalidFormatException ? "invalid value" : "wrong type")
                : "request body is not valid JSON: " + e.getOriginalMessage();
        return ProblemResponses.of(400, "malformed-json", "Malformed request body", detail, path(uri), null);
    }

    /** Quarkus maps this one itself (plain JSON, no field); the same type here makes ours win. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "Forbidden",
                "the caller's roles do not allow this operation", path(uri), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder out = Response.fromResponse(ProblemResponses.of(status, FrameworkProblems.slug(status),
                FrameworkProblems.title(status), e.getMessage(),
                path(uri), null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            out.header(HttpHeaders.ALLOW, allow);
        }
        return out.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.caused(e)) {
            LOG.warnf("database unavailable for %s: %s", path(uri), e.toString());
            return Response.fromResponse(ProblemResponses.of(503, "database-unavailable", "Database unavailable",
                    "the service cannot reach its database; try again shortly", path(uri), null))
                    .header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "unexpected error; the service log has incident " + incident, path(uri), null);
    }

    private static Response challenge(UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(401, "unauthenticated", "Unauthenticated",
                        "a valid bearer token is required", path(uri), null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kiln\"")
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.request.kind" -> "kind": drop the method and parameter names REST validation prepends
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
