package dev.kiln.runner.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

/**
 * artifact-service's cache protocol as the runner and the steps use it: HEAD, GET (files and JSON listings), PUT with
 * the runner's service token or a live step token under its prefixes ({@link FakeStepTokens}), answering 201 after a
 * write and 200 when the path already held the same bytes.
 */
@Path("/fake-artifacts/cache/{path: .+}")
public class FakeArtifactService {

    private static final Set<String> TOKENS = Set.of("Bearer " + RunnerTestResource.SERVICE_TOKEN);

    private final FakeCache cache;

    public FakeArtifactService(FakeCache cache) {
        this.cache = cache;
    }

    @HEAD
    public Response head(@PathParam("path") String path) {
        return cache.has(path) ? Response.ok().build() : Response.status(404).build();
    }

    @GET
    public Response get(@PathParam("path") String path, @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        java.nio.file.Path file = cache.file(path);
        if (Files.isDirectory(file)) {
            return Response.ok(cache.entries(path), MediaType.APPLICATION_JSON).build();
        }
        if (!Files.isRegularFile(file)) {
            return Response.status(404).build();
        }
        return Response.ok(Files.newInputStream(file), MediaType.APPLICATION_OCTET_STREAM).build();
    }

    @PUT
    public Response put(@PathParam("path") String path, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            InputStream body) throws IOException {
        if (authorization == null || !TOKENS.contains(authorization)
                && !FakeStepTokens.allows(authorization.replaceFirst("^Bearer ", ""), path)) {
            return Response.status(authorization == null ? 401 : 403).build();
        }
        boolean written = cache.storeUnlessHeld(path, body);
        return Response.status(written ? 201 : 200).entity(Map.of("path", path, "size", Files.size(cache.file(path))))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
