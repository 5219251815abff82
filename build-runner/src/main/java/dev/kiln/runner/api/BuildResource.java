package dev.kiln.runner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.idempotency.IdempotencyKeys;
import dev.kiln.common.idempotency.IdempotentCreate;
import dev.kiln.common.problem.ProblemException;
import dev.kiln.common.security.Roles;
import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.config.RunnerConfig;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.BuildPage;
import dev.kiln.runner.domain.build.BuildRequest;
import dev.kiln.runner.domain.build.BuildState;
import dev.kiln.runner.domain.build.InvalidBuildRequestException;
import dev.kiln.runner.domain.build.VersionRequests;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.service.BuildService;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds: create (idempotent by key), read, list, cancel, resume. Logs are served by {@link StepLogResource}. */
@Path("/api/v1/builds")
@Produces(MediaType.APPLICATION_JSON)
public class BuildResource {

    private static final String IDEMPOTENCY_SCOPE = "builds";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BuildService builds;
    private final StepExecutor executor;
    private final IdempotentCreate idempotentCreate;
    private final RunnerConfig config;

    public BuildResource(BuildService builds, StepExecutor executor, IdempotentCreate idempotentCreate, RunnerConfig config) {
        this.builds = builds;
        this.config = config;
        this.executor = executor;
        this.idempotentCreate = idempotentCreate;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUILDER)
    public Response create(@Valid CreateBuildRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Context SecurityContext caller) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "a JSON body is required");
        }
        String[] created = new String[1];
        Response response = QuarkusTransaction.requiringNew().call(() -> idempotentCreate.create(IDEMPOTENCY_SCOPE, key, request, () -> {
            Build build = builds.create(toDomain(request, caller.getUserPrincipal().getName()));
            created[0] = build.id();
            return new IdempotentCreate.Created(201, URI.create("/api/v1/builds/" + build.id()),
                    BuildResponse.of(build, executor));
        }));
        return created[0] == null ? response : refusedVersion(created[0]).map(failed -> Response.fromResponse(response)
                .entity(BuildResponse.of(failed, executor)).build()).orElse(response);
    }

    /**
     * The build, when its version was refused within {@code kiln.runner.engine.allocation-wait} of its creation: the
     * creator then learns why at once (state failed, the reason naming the allocation failure), not on a later GET.
     */
    private Optional<Build> refusedVersion(String id) {
        Instant until = Instant.now().plus(config.engine().allocationWait());
        while (Instant.now().isBefore(until)) {
            Optional<Build> build = builds.find(id);
            if (build.isEmpty() || build.get().state() != BuildState.REQUESTED) {
                return build.filter(b -> b.state() == BuildState.FAILED);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    @GET
    @Path("/{id}")
    public BuildResponse get(@PathParam("id") String id) {
        return BuildResponse.of(builds.find(id).orElseThrow(() -> notFound(id)), executor);
    }

    @GET
    public PageResponse<BuildSummaryResponse> list(@QueryParam("state") String state, @QueryParam("tag") String tag,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        BuildPage found = builds.list(state(state), tag == null || tag.isBlank() ? null : tag, request.page(), request.size());
        return new PageResponse<>(found.items(), request.page(), request.size(), found.total()).map(BuildSummaryResponse::of);
    }

    /** The body ({@link CancelRequest}) is optional, so a bare {@code POST .../cancel} works. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.BUILDER)
    @Transactional
    public BuildResponse cancel(@PathParam("id") String id, String body, @Context SecurityContext caller) {
        CancelRequest request = cancelRequest(body);
        String reason = request.reason() == null || request.reason().isBlank()
                ? "cancelled by " + caller.getUserPrincipal().getName() : request.reason();
        Build build = builds.cancel(id, caller.getUserPrincipal().getName(), reason).orElseThrow(() -> notFound(id));
        return BuildResponse.of(build, executor);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.BUILDER)
    @Transactional
    public BuildResponse resume(@PathParam("id") String id) {
        return BuildResponse.of(builds.resume(id).orElseThrow(() -> notFound(id)), executor);
    }

    private static CancelRequest cancelRequest(String body) {
        if (body == null || body.isBlank()) {
            return new CancelRequest(null);
        }
        CancelRequest request;
        try {
            request = JSON.readValue(body, CancelRequest.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "request body is not a cancel request: "
                    + e.getOriginalMessage());
        }
        if (request.reason() != null && request.reason().length() > CancelRequest.MAX_REASON) {
            throw ProblemException.badRequest("validation", "reason: at most " + CancelRequest.MAX_REASON + " characters");
        }
        return request;
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("build-not-found", "no build '" + id + "'");
    }

    private static BuildState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BuildState.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-state", "state must be one of "
                    + List.of(BuildState.values()).stream().map(BuildState::apiName).toList() + ", was '" + text + "'");
        }
    }

    private static BuildRequest toDomain(CreateBuildRequest r, String caller) {
        if (r.tag() != null && Stream.of(r.kind(), r.branch(), r.from(), r.to(), r.suffix(), r.sdkVersion())
                .anyMatch(field -> field != null && !field.isBlank())) {
            // Building a tag allocates nothing: a kind (or its fields) beside it would be silently ignored.
            throw new InvalidBuildRequestException("tag-and-version-request",
                    "give either a tag to build or a kind (with its fields) to allocate a new version, not both");
        }
        VersionRequest version = r.tag() != null ? null
                : VersionRequests.of(r.kind(), r.branch(), r.from(), r.to(), r.suffix(), r.sdkVersion());
        return new BuildRequest(r.pipeline(), version, r.tag(), r.arches(), r.vendors() == null ? List.of() : r.vendors(),
                r.params() == null ? Map.of() : new TreeMap<>(r.params()), r.skipCached() == null || r.skipCached(),
                caller);
    }

}
