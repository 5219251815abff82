package dev.kiln.console.fake;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The cache of one Flatcar release (images/amd64/4593.2.5/, two files) and of a nightly; like artifact-service it
 * refuses a path with an encoded slash.
 */
@Path("/fake/artifact-service")
@Produces(MediaType.APPLICATION_JSON)
public class FakeArtifactService {

    static final String IMAGE_SHA = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @GET
    @Path("/cache/{dir: .*}")
    public Response list(@Context UriInfo uri) {
        String raw = uri.getRequestUri().getRawPath();
        if (raw.contains("%2F")) {
            // as artifact-service: an encoded slash is refused
            return FakeServices.problem(400, "invalid-path", "path must not contain an encoded '/' (%2F)");
        }
        // as artifact-service, from the raw path: the matched parameter loses a trailing slash
        String dir = java.net.URLDecoder.decode(raw.substring(raw.indexOf("/cache/") + "/cache/".length()).replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        return switch (dir) {
            case "" -> Response.ok("[{\"name\":\"images\",\"type\":\"directory\",\"mtime\":\"Fri, 21 Aug 2026 21:00:36 GMT\"}]").build();
            case "images/amd64/4593.2.5/" -> Response.ok("""
                    [{"name":"flatcar_production_image.bin.bz2","type":"file","mtime":"Fri, 21 Aug 2026 21:00:36 GMT","size":491782144},
                     {"name":"version.txt","type":"file","mtime":"Fri, 21 Aug 2026 21:00:36 GMT","size":171}]""").build();
            case "images/amd64/4907.0.0+nightly-20261207-2100/" -> Response.ok("""
                    [{"name":"version.txt","type":"file","mtime":"Mon, 07 Dec 2026 21:00:36 GMT","size":172}]""").build();
            default -> FakeServices.problem(404, "not-found", "no such directory");
        };
    }

    @GET
    @Path("/api/v1/artifacts/{path: .+}")
    public Response artifact(@PathParam("path") String path, @Context UriInfo uri) {
        if (uri.getRequestUri().getRawPath().contains("%2F")) {
            return FakeServices.problem(400, "invalid-path", "path must not contain an encoded '/' (%2F)");
        }
        if (path.endsWith("flatcar_production_image.bin.bz2")) {
            return Response.ok("{\"path\":\"" + path + "\",\"size\":491782144,\"sha256\":\"" + IMAGE_SHA + "\"}").build();
        }
        return FakeServices.problem(404, "artifact-not-found", "not indexed");
    }
}
