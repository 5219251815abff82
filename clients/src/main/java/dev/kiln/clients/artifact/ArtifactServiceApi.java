package dev.kiln.clients.artifact;

import dev.kiln.clients.ServiceTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * artifact-service as its callers see it: channel publishing ({@code /api/v1/channels}, {@code /api/v1/channel-files}),
 * step tokens and the build cache ({@code /cache}); the records are the server's own. Cache and channel-file paths
 * are passed encoded ({@link CachePathEncoding}) so that their '/' stay separators.
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

    @HEAD
    @Path("/cache/{path}")
    @Produces(MediaType.WILDCARD)
    Response headCacheFile(@PathParam("path") @Encoded String path);

    /** A directory's entries, nginx's JSON index; {@code dir} ends with '/'. */
    @GET
    @Path("/cache/{dir}")
    List<CacheEntry> listCacheDirectory(@PathParam("dir") @Encoded String dir);

    /** The file's bytes as they arrive; the caller closes the stream. */
    @GET
    @Path("/cache/{path}")
    @Produces(MediaType.WILDCARD)
    InputStream openCacheFile(@PathParam("path") @Encoded String path);

    /** Stores the stream at {@code path}: 201 for new content, 200 when the path already held these bytes. */
    @PUT
    @Path("/cache/{path}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Response putCacheFile(@PathParam("path") @Encoded String path, InputStream content);

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
