package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.gc.GcRunView;
import dev.kiln.artifact.domain.gc.GcRuns;
import dev.kiln.artifact.domain.gc.GcTrigger;
import dev.kiln.artifact.service.GarbageCollector;
import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.idempotency.IdempotencyKeys;
import dev.kiln.common.idempotency.IdempotentCreate;
import dev.kiln.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Garbage collection: the dry-run plan, and runs that execute it (started here or by the schedule). */
@Path("/api/v1/gc")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "gc", description = "Garbage collection by Flatcar's retention policy")
public class GcResource {

    private static final String RUNS = "/api/v1/gc/runs/";
    private static final String IDEMPOTENCY_SCOPE = "gc-runs";

    private final GarbageCollector collector;
    private final GcRuns runs;
    private final IdempotentCreate idempotentCreate;

    public GcResource(GarbageCollector collector, GcRuns runs, IdempotentCreate idempotentCreate) {
        this.collector = collector;
        this.runs = runs;
        this.idempotentCreate = idempotentCreate;
    }

    @POST
    @Path("plan")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Dry run: every tag and cache directory with keep or purge and the reason")
    public GcPlanResponse plan(@Valid GcRequest request) {
        return GcPlanResponse.of(collector.plan(GcRequest.overridesOf(request)));
    }

    @POST
    @Path("runs")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Starts a run executing the same plan in the background (202); honours Idempotency-Key")
    public Response start(@Valid GcRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context SecurityContext security) {
        return idempotentCreate.create(IDEMPOTENCY_SCOPE, idempotencyKey, request, () -> {
            GcRunView run = collector.start(GcRequest.overridesOf(request), GcTrigger.MANUAL,
                    security.getUserPrincipal().getName());
            return new IdempotentCreate.Created(202, URI.create(RUNS + run.id()), GcRunResponse.of(run));
        });
    }

    @GET
    @Path("runs")
    @Operation(summary = "Runs, newest first")
    public PageResponse<GcRunResponse> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        return new PageResponse<>(runs.page(request.page(), request.size()).stream().map(GcRunResponse::of).toList(),
                request.page(), request.size(), runs.countRuns());
    }

    @GET
    @Path("runs/{id}")
    @Operation(summary = "One run with the outcome of each decision")
    public GcRunResponse get(@PathParam("id") String id) {
        return runs.find(id).map(GcRunResponse::of).orElseThrow(() -> new ArtifactException(
                ArtifactException.Reason.NOT_FOUND, "gc-run-not-found", "no garbage collection run " + id, null));
    }
}
