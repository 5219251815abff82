package dev.kiln.runner.support;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** artifact-service's {@code /api/v1/step-tokens} as the runner calls it, for the service token only. */
@Path("/fake-artifacts/api/v1/step-tokens")
@Produces(MediaType.APPLICATION_JSON)
public class FakeStepTokenResource {

    /** The body the runner sends. */
    public record Issue(String buildId, List<String> prefixes, Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Issue request) {
        if (!("Bearer " + RunnerTestResource.SERVICE_TOKEN).equals(authorization)) {
            return Response.status(403).build();
        }
        FakeStepTokens.Grant grant = FakeStepTokens.issue(request.buildId(), request.prefixes(), request.expiresAt());
        return Response.status(201).entity(Map.of("id", grant.token().substring(10), "buildId", grant.buildId(),
                "prefixes", grant.prefixes(), "expiresAt", grant.expiresAt().toString(), "token", grant.token())).build();
    }

    @DELETE
    @Path("builds/{buildId}")
    public Map<String, Object> revoke(@PathParam("buildId") String buildId) {
        return Map.of("buildId", buildId, "revoked", FakeStepTokens.revoke(buildId));
    }

    @GET
    @Path("live-builds")
    public List<String> liveBuilds() {
        return FakeStepTokens.liveBuilds();
    }
}
