package dev.kiln.clients.build;

import dev.kiln.clients.ServiceTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** build-runner's {@code /api/v1/builds} as callers see it (the service token needs role {@code builder}). */
@RegisterRestClient(configKey = "build-runner")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1/builds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BuildRunnerApi {

    @POST
    BuildResponse create(@HeaderParam("Idempotency-Key") String idempotencyKey, CreateBuildRequest request);

    @GET
    @Path("/{id}")
    BuildResponse get(@PathParam("id") String id);

    @POST
    @Path("/{id}/cancel")
    BuildResponse cancel(@PathParam("id") String id, CancelBuildRequest request);
}
