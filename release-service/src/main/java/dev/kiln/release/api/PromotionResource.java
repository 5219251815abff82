package dev.kiln.release.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.common.api.PageRequest;
import dev.kiln.common.api.PageResponse;
import dev.kiln.common.idempotency.IdempotencyKeys;
import dev.kiln.common.idempotency.StoredResponse;
import dev.kiln.common.security.Roles;
import dev.kiln.release.domain.promotion.PromotionRequest;
import dev.kiln.release.domain.promotion.PromotionStore.RequestPage;
import dev.kiln.release.service.Promotions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Release requests: a new major, a promotion to the next channel, or a patch. Asking and cancelling need role
 * releaser; reads are public. A request is checked against Flatcar's rules before anything is stored, then carried
 * out in the background (version, build, tests, approvals, publication) and followed here.
 */
@Path("/api/v1/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

    private static final String IDEMPOTENCY_SCOPE = "promotions";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Promotions promotions;
    private final IdempotencyKeys keys;
    private final SecurityIdentity identity;

    public PromotionResource(Promotions promotions, IdempotencyKeys keys, SecurityIdentity identity) {
        this.promotions = promotions;
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELEASER)
    @Transactional
    @Operation(summary = "Ask for a new major, a promotion to the next channel or a patch; it proceeds or queues in its lane")
    @APIResponse(responseCode = "201", description = "Stored: versioning (first in its lane) or queued (queuedBehind names the request ahead)")
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key and body again: the first answer, nothing changed")
    @APIResponse(responseCode = "400", description = "invalid-promotion-request, invalid-promotion-source, invalid-idempotency-key")
    @APIResponse(responseCode = "404", description = "unknown-release")
    @APIResponse(responseCode = "409", description = "already-promoted")
    @APIResponse(responseCode = "422", description = "promotion-not-forward, promotion-skips-channel, source-withdrawn, "
            + "source-not-published, soak-not-met, nothing-to-patch, idempotency-key-reused")
    public Response create(JsonNode body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (key != null) {
            Optional<StoredResponse> earlier = keys.claim(IDEMPOTENCY_SCOPE, key, fingerprint(body));
            if (earlier.isPresent()) {
                return Response.ok(earlier.get().body(), MediaType.APPLICATION_JSON)
                        .location(URI.create(earlier.get().location())).build();
            }
        }
        PromotionRequest created = promotions.create(CreatePromotionRequest.read(body), identity.getPrincipal().getName());
        PromotionResponse answer = PromotionResponse.of(created);
        URI location = URI.create("/api/v1/promotions/" + created.id());
        String json = json(answer);
        if (key != null) {
            keys.complete(IDEMPOTENCY_SCOPE, key, new StoredResponse(201, json, location.toString()));
        }
        // the very bytes a replay answers with
        return Response.created(location).entity(json).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Operation(summary = "Release requests, newest first, filtered by state and channel, paged")
    @APIResponse(responseCode = "400", description = "invalid-filter, invalid-page")
    public PageResponse<PromotionResponse> list(
            @Parameter(description = "queued, versioning, building, testing, awaiting-approval, published, failed, cancelled")
            @QueryParam("state") String state,
            @Parameter(description = "alpha, beta, stable, lts") @QueryParam("channel") String channel,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size);
        RequestPage found = promotions.list(state, channel, paging.offset(), paging.size());
        return new PageResponse<>(found.items().stream().map(PromotionResponse::of).toList(), paging.page(), paging.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One release request with its history")
    @APIResponse(responseCode = "404", description = "promotion-not-found")
    public PromotionResponse get(@PathParam("id") String id) {
        return PromotionResponse.of(promotions.get(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELEASER)
    @Operation(summary = "Cancel an open release request; a build it started is cancelled in build-runner")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "400", description = "invalid-cancel")
    @APIResponse(responseCode = "404", description = "promotion-not-found")
    @APIResponse(responseCode = "409", description = "promotion-finished")
    public PromotionResponse cancel(@PathParam("id") String id, CancelPromotionRequest request) {
        return PromotionResponse.of(promotions.cancel(id, request == null ? null : request.reason(),
                identity.getPrincipal().getName()));
    }

    private static String fingerprint(JsonNode body) {
        return body == null ? "null" : body.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
