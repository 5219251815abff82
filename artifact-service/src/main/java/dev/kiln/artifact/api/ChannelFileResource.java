package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.UploadRequest;
import dev.kiln.artifact.domain.UploadResult;
import dev.kiln.artifact.domain.channel.ChannelFilePaths;
import dev.kiln.artifact.service.ArtifactUploads;
import dev.kiln.common.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The few files a release writes beside its images (feeds, lts-info, the release manifest), stored like any
 * upload: invisible until complete, indexed, with the Content-Type it was sent with.
 */
@Path("/api/v1/channel-files")
@Tag(name = "channels", description = "Releases published into channel directories")
public class ChannelFileResource {

    static final String PREFIX = "/api/v1/channel-files/";

    private final ArtifactUploads uploads;
    private final ArtifactIndex index;

    public ChannelFileResource(ArtifactUploads uploads, ArtifactIndex index) {
        this.uploads = uploads;
        this.index = index;
    }

    @PUT
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Store releases/releases.json, <channel>/releases.json, lts/lts-info or "
            + "<channel>/<arch>-usr/<version>/kiln-manifest.json")
    @APIResponse(responseCode = "201", description = "Stored where there was nothing")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "invalid-channel-file: any other path")
    public Response put(InputStream body, @Context HttpServerRequest request, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        CachePath path = ChannelFilePaths.check(RequestPaths.decode(request.path().substring(PREFIX.length())));
        boolean replaces = index.find(path).isPresent();
        UploadResult result = uploads.upload(new UploadRequest(path, body, -1,
                headers.getHeaderString(CacheResource.EXPECTED_SHA256), headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                security.getUserPrincipal().getName()));
        UploadResponse answer = new UploadResponse(path.value(), result.digests().size(), result.digests().sha256());
        return (replaces ? Response.ok(answer) : Response.created(URI.create(CacheResource.PREFIX + path.value())).entity(answer))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
