package dev.kiln.runner.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kiln.common.problem.ProblemException;
import dev.kiln.common.problem.ProblemMappers;
import dev.kiln.common.problem.ProblemResponses;
import dev.kiln.runner.domain.build.BuildTransitionException;
import dev.kiln.runner.domain.build.InvalidBuildRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the runner's domain refusals to problem+json: a request the pipeline cannot run is 422, a state conflict 409. */
public class RunnerProblemMappers {

    private final ProblemMappers common = new ProblemMappers();

    /** A JSON value of the wrong type; without this, Quarkus' built-in mapper answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return common.malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidBuildRequestException e, UriInfo uri) {
        return ProblemResponses.of(ProblemException.unprocessable(e.slug(), e.getMessage()), uri.getPath());
    }

    @ServerExceptionMapper
    public Response illegalTransition(BuildTransitionException e, UriInfo uri) {
        return ProblemResponses.of(ProblemException.conflict(e.slug(), e.getMessage()), uri.getPath());
    }
}
