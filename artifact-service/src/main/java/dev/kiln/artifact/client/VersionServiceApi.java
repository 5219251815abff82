package dev.kiln.artifact.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** version-service's API as issue 3 documents it: the paged version list and dev tag deletion. */
@RegisterRestClient(configKey = "version-service")
@Path("/api/v1/versions")
@Produces(MediaType.APPLICATION_JSON)
public interface VersionServiceApi {

    @GET
    VersionPage list(@QueryParam("page") int page, @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @DELETE
    @Path("{tag}")
    Response delete(@PathParam("tag") String tag, @HeaderParam("Authorization") String authorization);

    /** One page of versions: {@code {items, page, size, total}}. */
    record VersionPage(List<VersionItem> items, int page, int size, long total) {
    }

    /** The fields of a version this service reads; others are ignored. */
    record VersionItem(String tag, String version, Instant createdAt) {
    }
}
