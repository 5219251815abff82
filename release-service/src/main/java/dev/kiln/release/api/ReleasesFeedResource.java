package dev.kiln.release.api;

import dev.kiln.release.service.ReleasesFeedQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The releases feed in Flatcar's releases.json shape; public. */
@Path("/api/v1/releases.json")
@Produces(MediaType.APPLICATION_JSON)
public class ReleasesFeedResource {

    private final ReleasesFeedQuery feed;

    public ReleasesFeedResource(ReleasesFeedQuery feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Every published or superseded (not withdrawn) release: channel, architectures, release_date, "
            + "major_software, release_notes, keyed by version, newest first")
    public String all() {
        return feed.all();
    }
}
