package dev.kiln.console.client;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * release-service's {@code /api/v1} (docs/api/release-service.md): releases, gates, approvals, channels, release
 * requests (promotions), withdraw and the manifest.
 */
@RegisterRestClient(configKey = "release-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReleaseServiceApi {

    @GET
    @Path("/releases")
    Page<Releases.Release> releases(@QueryParam("channel") String channel, @QueryParam("state") String state,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/releases/{version}")
    Releases.Release release(@PathParam("version") String version);

    @GET
    @Path("/releases/{version}/gates")
    Releases.Gates gates(@PathParam("version") String version);

    @GET
    @Path("/releases/{version}/manifest")
    JsonNode manifest(@PathParam("version") String version);

    @GET
    @Path("/channels")
    List<Releases.Channel> channels();

    @GET
    @Path("/promotions")
    Page<Releases.Promotion> promotions(@QueryParam("state") String state, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/promotions")
    Releases.Promotion request(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Releases.PromotionRequest request);

    @POST
    @Path("/promotions/{id}/cancel")
    Releases.Promotion cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            Releases.CancelPromotionRequest request);

    @POST
    @Path("/releases/{version}/approvals")
    JsonNode approve(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("version") String version,
            Releases.ApprovalRequest request);

    @POST
    @Path("/channels/{channel}/publications")
    JsonNode publish(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("channel") String channel,
            Releases.PublicationRequest request);

    @POST
    @Path("/channels/{channel}/rollback")
    JsonNode rollback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("channel") String channel,
            Releases.RollbackRequest request);

    @POST
    @Path("/releases/{version}/withdraw")
    JsonNode withdraw(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("version") String version,
            Releases.WithdrawRequest request);
}
