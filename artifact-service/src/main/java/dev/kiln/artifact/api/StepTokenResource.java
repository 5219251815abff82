package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.token.StepTokens;
import dev.kiln.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Step tokens for build-runner: one per build, writing only under the build's own cache directories and only
 * until it expires or the build ends. Only the service token (an admin caller) or an admin may use this API.
 */
@Path("/api/v1/step-tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "step-tokens", description = "Scoped cache-write tokens for a build's steps")
public class StepTokenResource {

    /** More live builds than one runner fleet has at once. */
    private static final int LIVE_BUILDS_LIMIT = 1000;

    private final StepTokens tokens;

    public StepTokenResource(StepTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a step token for a build's prefixes, valid until expiresAt")
    @APIResponse(responseCode = "201", description = "Issued; the token is in this answer only")
    @APIResponse(responseCode = "400", description = "invalid-step-token-prefix, invalid-step-token-expiry, "
            + "invalid-build-id")
    public Response issue(@Valid @NotNull IssueStepTokenRequest request, @Context SecurityContext security) {
        StepTokens.Issued issued = tokens.issue(request.buildId(), request.prefixes(), request.expiresAt(),
                security.getUserPrincipal().getName());
        return Response.created(URI.create("/api/v1/step-tokens/builds/" + issued.grant().buildId()))
                .entity(StepTokenResponse.issued(issued.grant(), issued.token())).build();
    }

    @DELETE
    @Path("builds/{buildId}")
    @Operation(summary = "Revoke every token of a build; a repeat revokes nothing and succeeds")
    @APIResponse(responseCode = "200", description = "Revoked (revoked: 0 when they were already)")
    @APIResponse(responseCode = "400", description = "invalid-build-id")
    public StepTokenRevocationResponse revoke(@PathParam("buildId") String buildId) {
        return new StepTokenRevocationResponse(buildId, tokens.revoke(buildId));
    }

    @GET
    @Path("live-builds")
    @Operation(summary = "Build ids with a token that is neither revoked nor expired (the runner revokes those "
            + "of finished builds)")
    public List<String> liveBuilds() {
        return tokens.buildsWithLiveTokens(LIVE_BUILDS_LIMIT);
    }
}
