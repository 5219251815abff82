package dev.kiln.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * version-service's allocations list (docs/api/version-service.md). Not {@code dev.kiln.clients.version}: that client
 * sends the service token and lives in a jar that needs a database; the console only reads, signed out.
 */
@RegisterRestClient(configKey = "version-service")
@Path("/api/v1/versions")
@Produces(MediaType.APPLICATION_JSON)
public interface VersionServiceApi {

    @GET
    Page<Versions.Allocation> list(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("official") Boolean official, @QueryParam("page") int page, @QueryParam("size") int size);
}
