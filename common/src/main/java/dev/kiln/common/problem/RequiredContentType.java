package dev.kiln.common.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body sent to an endpoint that consumes JSON must say it is JSON: without a {@code Content-Type} RESTEasy
 * Reactive reads any body as the declared type, so a request no proxy or client marked as JSON was acted on.
 */
public class RequiredContentType {

    @ServerRequestFilter
    public Optional<Response> requireContentType(ContainerRequestContext request, ResourceInfo resource) {
        if (request.getMediaType() != null || !hasBody(request) || !consumesJson(resource.getResourceMethod())) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(415, FrameworkProblems.slug(415), FrameworkProblems.title(415),
                "the request has a body but no Content-Type; send it as " + MediaType.APPLICATION_JSON,
                "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), null));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }

    private static boolean consumesJson(Method method) {
        if (method == null) {
            return false;
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : method.getDeclaringClass().getAnnotation(Consumes.class);
        return consumes != null && Arrays.stream(consumes.value()).anyMatch(type -> type.startsWith(MediaType.APPLICATION_JSON));
    }
}
