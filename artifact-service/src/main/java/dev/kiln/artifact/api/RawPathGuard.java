package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.InvalidPathException;
import dev.kiln.common.problem.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a cache path with dot segments before the router normalises it away: {@code /cache/a/../../x}
 * would otherwise be routed as {@code /x}. The cache endpoints validate the raw path again themselves.
 */
@ApplicationScoped
public class RawPathGuard {

    private static final int BEFORE_EVERYTHING = Integer.MIN_VALUE + 100;

    void install(@Observes Router router) {
        router.route().order(BEFORE_EVERYTHING).handler(this::check);
    }

    private void check(RoutingContext context) {
        String raw = context.request().path();
        String prefix = raw == null ? null
                : raw.startsWith(CacheResource.PREFIX) ? CacheResource.PREFIX
                : raw.startsWith(ArtifactResource.PREFIX) ? ArtifactResource.PREFIX : null;
        if (prefix != null) {
            try {
                RequestPaths.after(prefix, raw);
            } catch (InvalidPathException e) {
                refuse(context, raw, e.getMessage());
                return;
            }
        }
        context.next();
    }

    private static void refuse(RoutingContext context, String raw, String detail) {
        JsonObject problem = new JsonObject().put("type", Problem.type("invalid-path").toString())
                .put("title", "Invalid cache path").put("status", 400).put("detail", detail).put("instance", raw);
        context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.encode());
    }
}
