package dev.kiln.runner.api;

import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.problem.ProblemException;
import dev.kiln.runner.catalog.PipelineCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The pipelines builds can use. */
@Path("/api/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private final PipelineCatalog catalog;

    public PipelineResource(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public PageResponse<PipelineResponse> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        List<PipelineResponse> all = catalog.all().stream().map(PipelineResponse::of).toList();
        int from = Math.min(all.size(), request.page() * request.size());
        int to = Math.min(all.size(), from + request.size());
        return new PageResponse<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    @GET
    @Path("/{name}")
    public PipelineResponse get(@PathParam("name") String name) {
        return catalog.find(name).map(PipelineResponse::of).orElseThrow(() -> ProblemException.notFound(
                "pipeline-not-found", "no pipeline '" + name + "'"));
    }
}
