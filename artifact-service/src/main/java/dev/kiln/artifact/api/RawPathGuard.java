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
 * would otherwise be routed as {@code /x}. The same holds for the channel APIs. The cache endpoints validate the raw
 * path again themselves.
 */
@ApplicationScoped
public class RawPathGuard {

    private static final int BEFORE_EVERYTHING = Integer.MIN_VALUE + 100;
    private static final String CHANNELS = "/api/v1/channels/";

    void install(@Observes Router router) {
        router.route().order(BEFORE_EVERYTHING).handler(this::check);
    }

    private void check(RoutingContext context) {
        String raw = context.request().path();
        String prefix = raw == null ? null
                : raw.startsWith(CacheResource.PREFIX) ? CacheResource.PREFIX
                : raw.startsWith(ArtifactResource.PREFIX) ? ArtifactResource.PREFIX
                : raw.startsWith(CHANNELS) ? CHANNELS
                : raw.startsWith(ChannelFileResource.PREFIX) ? ChannelFileResource.PREFIX : null;
        if (prefix != null) {
            try {
                RequestPaths.after(prefix, raw);
            } catch (InvalidPathException e) {
                refuse(context, raw, prefix.equals(ChannelFileResource.PREFIX) ? "invalid-channel-file" : "invalid-path",
                        e.getMessage());
                return;
            }
        }
        context.next();
    }

    private static void refuse(RoutingContext context, String raw, String slug, String detail) {
        JsonObject problem = new JsonObject().put("type", Problem.type(slug).toString())
                .put("title", slug.equals("invalid-path") ? "Invalid cache path" : "Invalid channel file").put("status", 400).put("detail", detail).put("instance", raw);
        context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.encode());
    }
}
