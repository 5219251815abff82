package dev.kiln.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** build-runner's {@code /api/v1} (docs/api/build-runner.md). Mutations carry the caller's {@code Authorization}. */
@RegisterRestClient(configKey = "build-runner")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BuildRunnerApi {

    @GET
    @Path("/builds")
    Page<Builds.Summary> builds(@QueryParam("state") String state, @QueryParam("tag") String tag,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/builds/{id}")
    Builds.Build build(@PathParam("id") String id);

    @GET
    @Path("/builds/{id}/steps/{run}/log")
    @Produces(MediaType.TEXT_PLAIN)
    String log(@PathParam("id") String id, @PathParam("run") String run);

    @GET
    @Path("/pipelines")
    Page<Builds.Pipeline> pipelines(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/builds")
    Builds.Build start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Builds.StartRequest request);

    @POST
    @Path("/builds/{id}/cancel")
    Builds.Build cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            Builds.CancelRequest request);

    @POST
    @Path("/builds/{id}/resume")
    Builds.Build resume(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}
