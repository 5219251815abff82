package dev.kiln.runner.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kiln.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What common's {@link ProblemMappers} cannot win alone: the runner's refusals are {@code DomainException}s
 * and need nothing here.
 */
public class RunnerProblemMappers {

    private final ProblemMappers common = new ProblemMappers();

    /** A JSON value of the wrong type; without this, Quarkus' built-in mapper (more specific) answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return common.malformedJson(e, uri);
    }
}
