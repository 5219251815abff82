package dev.kiln.version.api;

import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.clients.version.VersionResponse;
import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.idempotency.IdempotencyKeys;
import dev.kiln.common.problem.ProblemException;
import dev.kiln.common.security.Roles;
import dev.kiln.version.domain.AllocationFilter;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.version.domain.AllocationResult;
import dev.kiln.version.domain.AllocationStatus;
import dev.kiln.version.domain.Allocations;
import dev.kiln.version.domain.Page;
import dev.kiln.flatcar.UpdateGroup;
import dev.kiln.flatcar.VersionName;
import dev.kiln.version.domain.VersionNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Versions of the scripts repository: parse, allocate (commit, tag, push), read, list and delete dev tags. */
@Path("/api/v1/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "versions")
public class VersionResource {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String DEFAULT_DELETE_REASON = "deleted through the API";

    private final Allocations allocations;
    private final SecurityIdentity identity;
    private final MeterRegistry meters;

    public VersionResource(Allocations allocations, SecurityIdentity identity, MeterRegistry meters) {
        this.allocations = allocations;
        this.identity = identity;
        this.meters = meters;
    }

    @GET
    @Path("/parse")
    @Operation(summary = "Take a tag or version apart under Flatcar's rules (both spellings, any prefix)")
    @APIResponse(responseCode = "200", description = "Parsed")
    @APIResponse(responseCode = "400", description = "malformed-version: not a tag or version")
    @APIResponse(responseCode = "422", description = "version-without-channel: a minor above 3 names no Flatcar channel")
    public ParsedVersionResponse parse(@Parameter(description = "a tag or a version", example = "main-4799.0.0-nightly-20260821-2100")
            @QueryParam("value") String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("malformed-version", "query parameter 'value' is required, e.g. ?value=stable-4593.2.5");
        }
        VersionName name = VersionName.parse(value.strip());
        if (name.version().channel() == null) {
            throw ProblemException.unprocessable("version-without-channel", "minor %d of '%s' names no Flatcar channel (0 alpha, 1 beta, 2 stable, 3 lts)"
                    .formatted(name.version().minor(), value.strip()));
        }
        return ParsedVersionResponse.of(value, name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUILDER, Roles.RELEASER, Roles.ADMIN})
    @Operation(summary = "Allocate the next version: write version.txt, commit 'New version: <tag>', tag and push")
    @APIResponse(responseCode = "201", description = "Allocated (or the first answer to this Idempotency-Key)")
    @APIResponse(responseCode = "400", description = "validation, malformed-json, malformed-version, invalid-idempotency-key")
    @APIResponse(responseCode = "409", description = "tag-conflict: the tag exists with another tree; version-already-allocated")
    @APIResponse(responseCode = "422", description = "illegal-version-request: Flatcar's rules forbid it; idempotency-key-reused")
    @APIResponse(responseCode = "503", description = "scripts-repository-unavailable, allocation-busy: retry (same Idempotency-Key)")
    public Response create(@Valid @NotNull CreateVersionRequest request,
            @Parameter(description = "makes a retry return the first answer") @HeaderParam(IdempotencyKeys.HEADER) String key) {
        checkKey(key);
        Timer.Sample started = Timer.start(meters);
        AllocationResult result = allocations.allocate(request.toVersionRequest(), key, identity.getPrincipal().getName());
        String outcome = result.replayed() ? "replayed" : "allocated";
        started.stop(meters.timer("kiln.version.allocations", "kind", request.kind(), "outcome", outcome));
        VersionResponse body = VersionResponses.of(result.allocation());
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/versions/" + body.tag())).entity(body);
        return (result.replayed() ? response.header(REPLAYED_HEADER, "true") : response).build();
    }

    @GET
    @Path("/{tag}")
    @Operation(summary = "One allocated version")
    @APIResponse(responseCode = "404", description = "version-not-found")
    public VersionResponse get(@PathParam("tag") String tag) {
        return allocations.find(tag).map(VersionResponses::of)
                .orElseThrow(() -> new VersionNotFoundException("Kiln allocated no version tagged " + tag));
    }

    @GET
    @Operation(summary = "Allocated versions, newest first, filtered and paged; only tagged ones unless status says otherwise")
    public PageResponse<VersionResponse> list(
            @Parameter(description = "alpha, beta, stable, lts, developer") @QueryParam("group") String group,
            @Parameter(description = "pushed to this branch, or dev builds based on it") @QueryParam("branch") String branch,
            @Parameter(description = "true: releases only; false: builds with a build id") @QueryParam("official") String official,
            @Parameter(description = "nightly, alpha, promotion, patch, dev") @QueryParam("kind") String kind,
            @Parameter(description = "tagged (default: the versions whose tag exists), pending, deleted or all") @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size);
        AllocationFilter filter = new AllocationFilter(
                option(group, "group", UpdateGroup::ofId), blankToNull(branch), bool(official),
                option(kind, "kind", VersionKind::ofId), statusFilter(status));
        Page<VersionResponse> found = map(allocations.list(filter, paging.page(), paging.size()));
        return new PageResponse<>(found.items(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{tag}/version.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "sdk_container/.repo/manifests/version.txt as committed at a tag (any tag of the remote)")
    @APIResponse(responseCode = "404", description = "version-not-found: no such tag, or no version.txt at it")
    public Response versionFile(@PathParam("tag") String tag) {
        String file = allocations.versionFile(tag)
                .orElseThrow(() -> new VersionNotFoundException("the scripts repository has no tag " + tag + " with a version.txt"));
        return Response.ok(file, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    @DELETE
    @Path("/{tag}")
    @RolesAllowed({Roles.ADMIN, Roles.RELEASER})
    @Operation(summary = "Delete a dev tag (any tag with a build id) locally and on the remote; official tags never")
    @APIResponse(responseCode = "204", description = "Deleted, or already deleted")
    @APIResponse(responseCode = "404", description = "version-not-found")
    @APIResponse(responseCode = "409", description = "official-tag-not-deletable, allocation-in-progress")
    public Response delete(@PathParam("tag") String tag,
            @Parameter(description = "recorded and sent in the event", example = "garbage collection") @QueryParam("reason") String reason) {
        String why = Optional.ofNullable(blankToNull(reason)).orElse(DEFAULT_DELETE_REASON);
        if (why.length() > 500) {
            throw ProblemException.badRequest("validation", "reason must be at most 500 characters");
        }
        allocations.delete(tag, why + " (by " + identity.getPrincipal().getName() + ")");
        return Response.noContent().build();
    }

    private static Page<VersionResponse> map(Page<dev.kiln.version.domain.Allocation> page) {
        return new Page<>(page.items().stream().map(VersionResponses::of).toList(), page.page(), page.size(), page.total());
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 256 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be 1-256 printable ASCII characters without spaces");
        }
    }

    private static <T> T option(String value, String name, Function<String, Optional<T>> parse) {
        String v = blankToNull(value);
        return v == null ? null : parse.apply(v).orElseThrow(() -> ProblemException.badRequest("validation",
                "query parameter '" + name + "' has no value '" + v + "'"));
    }

    /** Live versions unless asked otherwise: consumers that mirror the list want the tags that exist. */
    private static AllocationStatus statusFilter(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return AllocationStatus.TAGGED;
        }
        return "all".equals(v) ? null : option(v, "status", AllocationStatus::ofId);
    }

    private static Boolean bool(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw ProblemException.badRequest("validation", "query parameter 'official' must be true or false");
        }
        return Boolean.valueOf(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
