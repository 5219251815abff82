package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.ArtifactQuery;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Queries over the artifact index: by version, area and arch, or one path. */
@Path("/api/v1/artifacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "artifacts", description = "The metadata index of the build cache")
public class ArtifactResource {

    static final String PREFIX = "/api/v1/artifacts/";

    private final ArtifactIndex index;

    public ArtifactResource(ArtifactIndex index) {
        this.index = index;
    }

    @GET
    @Operation(summary = "Lists indexed files, ordered by path; version accepts the + and the - spelling; a version, "
            + "area or arch that could never match is refused (400 invalid-filter)")
    public PageResponse<ArtifactResponse> list(@QueryParam("version") String version, @QueryParam("area") String area,
            @QueryParam("arch") String arch, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        ArtifactQuery query = ArtifactQuery.parse(version, area, arch);
        return new PageResponse<>(index.query(query, request.page(), request.size()).stream()
                .map(ArtifactResponse::of).toList(), request.page(), request.size(), index.count(query));
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "The index entry of one file")
    public ArtifactResponse get(@Context HttpServerRequest request) {
        CachePath path = RequestPaths.after(PREFIX, request.path());
        return index.find(path).map(ArtifactResponse::of).orElseThrow(() -> new ArtifactException(
                ArtifactException.Reason.NOT_FOUND, "artifact-not-found", "no indexed file at '" + path + "'", null));
    }
}
