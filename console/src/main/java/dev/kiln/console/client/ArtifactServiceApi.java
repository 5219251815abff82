package dev.kiln.console.client;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** artifact-service's cache listings and index (docs/api/artifact-service.md); all public. */
@RegisterRestClient(configKey = "artifact-service")
@Produces(MediaType.APPLICATION_JSON)
public interface ArtifactServiceApi {

    /**
     * {@code dir} is empty for the root, else ends with a slash; already encoded ({@link CachePaths#encode}): the
     * client would otherwise send its slashes as {@code %2F}, which artifact-service refuses.
     */
    @GET
    @Path("/cache/{dir: .*}")
    List<Cache.Entry> list(@Encoded @PathParam("dir") String dir);

    /** {@code path} already encoded, as for {@link #list}. */
    @GET
    @Path("/api/v1/artifacts/{path: .+}")
    Cache.Artifact artifact(@Encoded @PathParam("path") String path);
}
