package dev.kiln.runner.client;

import dev.kiln.clients.ServiceTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * artifact-service's {@code /cache/<path>} protocol as the runner calls it. Paths are passed encoded
 * ({@link CachePaths#encode}) so that their '/' stay separators.
 */
@RegisterRestClient(configKey = "artifact-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/cache")
public interface ArtifactServiceApi {

    @HEAD
    @Path("/{path}")
    Response head(@PathParam("path") @Encoded String path);

    /** A directory listing: {@code path} ends with '/'. */
    @GET
    @Path("/{path}")
    @Produces(MediaType.APPLICATION_JSON)
    String list(@PathParam("path") @Encoded String path);

    @GET
    @Path("/{path}")
    @Produces(MediaType.WILDCARD)
    InputStream get(@PathParam("path") @Encoded String path);

    @PUT
    @Path("/{path}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    Response put(@PathParam("path") @Encoded String path, InputStream content);
}
