package dev.kiln.release.api;

import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.error.DomainException;
import dev.kiln.common.security.Roles;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.publication.Manifest;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseStore.ReleasePage;
import dev.kiln.release.service.Manifests;
import dev.kiln.release.service.Publishing;
import dev.kiln.release.service.Approvals;
import dev.kiln.release.service.ReleaseQueries;
import dev.kiln.release.service.TestReports;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Releases: reading them and their gates (public), reporting tests (tester) and deciding on them (releaser). */
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    private final ReleaseQueries queries;
    private final TestReports reports;
    private final Approvals approvals;
    private final Publishing publishing;
    private final Manifests manifests;
    private final SecurityIdentity identity;

    public ReleaseResource(ReleaseQueries queries, TestReports reports, Approvals approvals, Publishing publishing,
            Manifests manifests, SecurityIdentity identity) {
        this.queries = queries;
        this.reports = reports;
        this.approvals = approvals;
        this.publishing = publishing;
        this.manifests = manifests;
        this.identity = identity;
    }

    @POST
    @Path("/{version}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELEASER)
    @Operation(summary = "Take a published release back: rolled back where current, gone from the feeds, its channel directories answer 410")
    @APIResponse(responseCode = "200", description = "Withdrawn; the release afterwards")
    @APIResponse(responseCode = "400", description = "invalid-withdrawal")
    @APIResponse(responseCode = "404", description = "release-not-found")
    @APIResponse(responseCode = "409", description = "release-not-published, channel-busy, version-is-current (artifact-service refused)")
    @APIResponse(responseCode = "410", description = "release-withdrawn: withdrawn already")
    @APIResponse(responseCode = "503", description = "channel-storage-unavailable: recorded; the sweeper completes it, or ask again")
    public ReleaseResponse withdraw(@PathParam("version") String version, WithdrawRequest request) {
        publishing.withdraw(version, request == null ? null : request.reason(), identity.getPrincipal().getName());
        return get(version);
    }

    @GET
    @Path("/{version}/manifest")
    @Operation(summary = "Inputs, output files (size, sha256), test reports, approvals, channel history and package changes of a release")
    @APIResponse(responseCode = "404", description = "release-not-found")
    public Manifest manifest(@PathParam("version") String version) {
        return manifests.of(version);
    }

    @GET
    @Operation(summary = "Releases, newest version first, filtered by channel and state, paged")
    @APIResponse(responseCode = "400", description = "invalid-filter, invalid-page")
    public PageResponse<ReleaseResponse> list(@Parameter(description = "alpha, beta, stable, lts") @QueryParam("channel") String channel,
            @Parameter(description = "candidate, ready, published, superseded, rejected, withdrawn") @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size);
        ReleasePage found = queries.list(channel, state, paging.offset(), paging.size());
        Set<Version> atRisk = queries.atRisk(found.items().stream().map(Release::version).toList());
        return new PageResponse<>(found.items().stream().map(r -> ReleaseResponse.summary(r, atRisk.contains(r.version()))).toList(),
                paging.page(), paging.size(), found.total());
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "One release with its transitions (who, why, when)")
    @APIResponse(responseCode = "404", description = "release-not-found")
    public ReleaseResponse get(@PathParam("version") String version) {
        Release release = queries.get(version);
        return ReleaseResponse.withTransitions(release, !queries.atRisk(Set.of(release.version())).isEmpty());
    }

    @GET
    @Path("/{version}/gates")
    @Operation(summary = "Every gate requirement of a release: satisfied, missing, failed or waiting, with its evidence")
    @APIResponse(responseCode = "404", description = "release-not-found")
    public GatesResponse gates(@PathParam("version") String version) {
        return GatesResponse.of(queries.get(version), queries.gates(version));
    }

    @POST
    @Path("/{version}/test-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "Report one attempt of a suite on an arch (and vendor); idempotent on reportId; settles the gates")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "The same reportId again: the stored report, nothing changed")
    @APIResponse(responseCode = "400", description = "invalid-test-report")
    @APIResponse(responseCode = "404", description = "release-not-found")
    @APIResponse(responseCode = "409", description = "report-id-reused")
    @APIResponse(responseCode = "422", description = "unknown-suite, arch-not-built, vendor-not-built, vendor-required")
    public Response report(@PathParam("version") String version, TestReportRequest request) {
        if (request == null) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-test-report", "a JSON body {suite, arch, result} is required");
        }
        TestReports.Outcome outcome = reports.report(version, request.toNewReport(), identity.getPrincipal().getName());
        TestReportResponse body = TestReportResponse.of(outcome);
        return outcome.created()
                ? Response.created(URI.create("/api/v1/releases/" + body.version() + "/gates")).entity(body).build()
                : Response.ok(body).build();
    }

    @POST
    @Path("/{version}/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELEASER)
    @Operation(summary = "Approve or reject a candidate or ready release, once per identity; settles the gates")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "invalid-approval")
    @APIResponse(responseCode = "404", description = "release-not-found")
    @APIResponse(responseCode = "409", description = "already-decided, release-not-open")
    public Response decide(@PathParam("version") String version, ApprovalRequest request) {
        if (request == null) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-approval", "a JSON body {decision, comment} is required");
        }
        Approvals.Outcome outcome = approvals.decide(version, request.decision(), request.comment(),
                identity.getPrincipal().getName(), identity.getRoles());
        var a = outcome.approval();
        ApprovalResponse body = new ApprovalResponse(outcome.release().version().toString(), a.identity(),
                a.decision().name().toLowerCase(Locale.ROOT), a.comment(), a.at(), outcome.release().state().id());
        return Response.created(URI.create("/api/v1/releases/" + body.version() + "/gates")).entity(body).build();
    }
}
