package dev.kiln.clients.version;

import dev.kiln.clients.ServiceTokenHeaders;
import dev.kiln.common.api.PageResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** version-service's {@code /api/v1/versions} as callers see it; the records are the server's own. */
@RegisterRestClient(configKey = "version-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1/versions")
@Produces(MediaType.APPLICATION_JSON)
public interface VersionServiceApi {

    @POST
    VersionResponse allocate(@HeaderParam("Idempotency-Key") String idempotencyKey, CreateVersionRequest request);

    @GET
    @Path("/{tag}")
    VersionResponse get(@PathParam("tag") String tag);

    @GET
    PageResponse<VersionResponse> list(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @DELETE
    @Path("/{tag}")
    Response delete(@PathParam("tag") String tag, @QueryParam("reason") String reason);
}
