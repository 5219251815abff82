package dev.kiln.clients.artifact;

import dev.kiln.clients.ServiceTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * artifact-service's channel publishing ({@code /api/v1/channels}, {@code /api/v1/channel-files}) and its
 * {@code /cache} reads as callers see them; the records are the server's own. Cache and channel-file paths are
 * passed encoded ({@link CachePathEncoding}) so that their '/' stay separators.
 */
@RegisterRestClient(configKey = "artifact-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface ArtifactServiceApi {

    @PUT
    @Path("/api/v1/channels/{channel}/{arch}/versions/{version}")
    ChannelCopy copyToChannel(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("version") String version);

    @PUT
    @Path("/api/v1/channels/{channel}/{arch}/pointers/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    PointerMoveResponse movePointer(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("name") String name, MovePointerRequest request);

    @DELETE
    @Path("/api/v1/channels/{channel}/{arch}/pointers/{name}")
    Response removePointer(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("name") String name);

    @GET
    @Path("/api/v1/channels/{channel}/{arch}/pointers")
    List<ChannelPointer> pointers(@PathParam("channel") String channel, @PathParam("arch") String arch);

    @POST
    @Path("/api/v1/channels/{channel}/{arch}/versions/{version}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    WithdrawalResponse withdraw(@PathParam("channel") String channel, @PathParam("arch") String arch,
            @PathParam("version") String version, WithdrawalRequest request);

    @PUT
    @Path("/api/v1/channel-files/{path}")
    @Consumes(MediaType.WILDCARD)
    Response putChannelFile(@PathParam("path") @Encoded String path,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body);

    @GET
    @Path("/cache/{path}")
    @Produces(MediaType.WILDCARD)
    byte[] readCacheFile(@PathParam("path") @Encoded String path);

    @POST
    @Path("/api/v1/step-tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    StepToken issueStepToken(IssueStepTokenRequest request);

    @DELETE
    @Path("/api/v1/step-tokens/builds/{buildId}")
    StepTokenRevocation revokeStepTokens(@PathParam("buildId") String buildId);

    @GET
    @Path("/api/v1/step-tokens/live-builds")
    List<String> buildsWithLiveStepTokens();
}
