package dev.kiln.release.api;

import dev.kiln.release.service.ReleasesFeedQuery;
import dev.kiln.release.service.ReleasesFeedQuery.Feed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The releases feed in Flatcar's releases.json shape; public. It carries an entity tag, so a poller that sends
 * {@code If-None-Match} gets {@code 304 Not Modified} until a release is published or withdrawn.
 */
@Path("/api/v1/releases.json")
@Produces(MediaType.APPLICATION_JSON)
public class ReleasesFeedResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    private final ReleasesFeedQuery feed;

    public ReleasesFeedResource(ReleasesFeedQuery feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Every published or superseded (not withdrawn) release: channel, architectures, release_date, "
            + "major_software, release_notes, keyed by version, newest first; ETag and If-None-Match (304)")
    public Response all(@Context Request request) {
        Feed current = feed.current();
        EntityTag tag = new EntityTag(current.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(current.json());
        return answer.tag(tag).cacheControl(REVALIDATE).build();
    }
}
