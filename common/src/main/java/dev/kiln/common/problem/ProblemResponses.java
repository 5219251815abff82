package dev.kiln.common.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type(slug), title, status, detail, instance, errors))
                .build();
    }

    public static Response of(ProblemException e, String instance) {
        return of(e.status(), e.slug(), e.title(), e.getMessage(), instance, e.errors());
    }
}
