package dev.kiln.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.common.problem.FrameworkProblems;
import dev.kiln.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers, as problem+json, what Vert.x would otherwise refuse with an empty body or let through: a request target
 * with an escaped NUL, a control character or escapes that are not UTF-8 (400), one too long (414), headers too large
 * (431), a declared body over {@code quarkus.http.limits.max-body-size} (413), and a bare 4xx a Vert.x route fails
 * with. It runs before Quarkus's own body-size check and before any JAX-RS code. A target that is no URI (a bad '%'
 * escape) reaches it only with {@code -Dvertx.disableURIValidation=true}, which every launch of a service sets; what
 * is refused below the router (a request line or headers over the codec's limits) is listed in docs/reliability.md.
 */
@Singleton
public class FrontDoor {

    /** Before Quarkus's upload limit (order -2), after nothing that reads the request. */
    static final int ORDER = -100;

    private final ObjectMapper json;
    private final HttpLimitsConfig limits;
    private final Optional<MemorySize> maxBodySize;

    public FrontDoor(ObjectMapper json, HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.limits = limits;
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String target = request.uri();
        Optional<String> invalid = RequestTarget.problemWith(target);
        if (invalid.isPresent()) {
            answer(ctx, 400, FrameworkProblems.INVALID_URI, invalid.get(), false);
        } else if (target.length() > limits.maxUriLength()) {
            answer(ctx, 414, FrameworkProblems.URI_TOO_LONG, "the request target has %d characters; at most %d are read"
                    .formatted(target.length(), limits.maxUriLength()), false);
        } else if (headerBytes(request) > limits.maxHeaderBytes()) {
            answer(ctx, 431, FrameworkProblems.HEADERS_TOO_LARGE, "the request headers have %d bytes; at most %d are read"
                    .formatted(headerBytes(request), limits.maxHeaderBytes()), false);
        } else if (declaredBodyTooLarge(request)) {
            answer(ctx, 413, FrameworkProblems.BODY_TOO_LARGE, "the request body has %s bytes; at most %d are accepted"
                    .formatted(request.getHeader(HttpHeaders.CONTENT_LENGTH), bodyLimit(request).orElseThrow()), true);
        } else {
            ctx.next();
        }
    }

    /**
     * A Vert.x route failed with a client-error status and no body (e.g. an HTTP/1.1 request without a Host header):
     * say which, as a problem. Server errors and answers already under way are left to Quarkus.
     */
    private void failed(RoutingContext ctx) {
        Optional<String> invalid = RequestTarget.problemWith(ctx.request().uri());
        if (invalid.isPresent() && !ctx.response().headWritten()) {
            // Vert.x-web decodes the path while matching routes, before this class's check runs: a bad '%' escape in
            // the path fails there ("Invalid escape sequence"), and the failure lands here
            answer(ctx, 400, FrameworkProblems.INVALID_URI, invalid.get(), false);
            return;
        }
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status > 499) {
            ctx.next();
            return;
        }
        answerStatus(ctx, status);
    }

    private void answerStatus(RoutingContext ctx, int status) {
        Optional<String> invalid = status == 400 ? RequestTarget.problemWith(ctx.request().uri()) : Optional.empty();
        String slug = invalid.isPresent() ? FrameworkProblems.INVALID_URI : FrameworkProblems.slug(status);
        String detail = invalid.orElseGet(() -> ctx.failure() != null && ctx.failure().getMessage() != null
                ? ctx.failure().getMessage() : FrameworkProblems.title(status));
        answer(ctx, status, slug, detail, status == 413);
    }

    private boolean declaredBodyTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        Optional<Long> limit = bodyLimit(request);
        if (length == null || limit.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(length.strip()) > limit.get();
        } catch (NumberFormatException notANumber) {
            return false; // the HTTP codec refuses a malformed Content-Length on its own
        }
    }

    /** The smaller of Quarkus's limit and, unless the path streams its body, {@code kiln.http.max-read-body-size}. */
    private Optional<Long> bodyLimit(HttpServerRequest request) {
        Optional<Long> whole = limits.maxReadBodySize().filter(size -> !streamed(request.path())).map(MemorySize::asLongValue);
        Optional<Long> any = maxBodySize.map(MemorySize::asLongValue);
        return whole.isPresent() && any.isPresent() ? Optional.of(Math.min(whole.get(), any.get())) : whole.or(() -> any);
    }

    private boolean streamed(String path) {
        return path != null && limits.streamedPaths().orElse(List.of()).stream().anyMatch(path::startsWith);
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void answer(RoutingContext ctx, int status, String slug, String detail, boolean close) {
        Problem problem = new Problem(Problem.type(slug), FrameworkProblems.title(status), status, detail, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            // the body was not read: the connection cannot carry another request
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
