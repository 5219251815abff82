package dev.kiln.release.api;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.security.Roles;
import dev.kiln.flatcar.Channel;
import dev.kiln.release.service.ChannelQueries;
import dev.kiln.release.service.Channels;
import dev.kiln.release.service.Publishing;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Channels: their gate policies and boards. Reads are public; publishing and rolling back need role releaser. */
@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    private final ChannelQueries queries;
    private final Publishing publishing;
    private final SecurityIdentity identity;

    public ChannelResource(ChannelQueries queries, Publishing publishing, SecurityIdentity identity) {
        this.queries = queries;
        this.publishing = publishing;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every channel (alpha, beta, stable, lts) with its gate policy and, per arch, current release and history")
    public List<ChannelResponse> list() {
        return queries.all().stream().map(v -> ChannelResponse.of(v.policy(), v.board())).toList();
    }

    @GET
    @Path("/{channel}")
    @Operation(summary = "One channel with its gate policy and, per arch, current release and history")
    @APIResponse(responseCode = "404", description = "channel-not-found")
    public ChannelResponse get(@PathParam("channel") String channel) {
        ChannelQueries.ChannelView view = queries.one(Channels.named(channel));
        return ChannelResponse.of(view.policy(), view.board());
    }

    @POST
    @Path("/{channel}/publications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELEASER)
    @Operation(summary = "Publish a ready release on every arch it was built for: copy into the channel, move current, then the board")
    @APIResponse(responseCode = "200", description = "Published; the channel afterwards")
    @APIResponse(responseCode = "400", description = "invalid-publication")
    @APIResponse(responseCode = "404", description = "channel-not-found, release-not-found")
    @APIResponse(responseCode = "409", description = "release-not-ready, gates-not-holding, not-newer-than-current, channel-busy, "
            + "nothing-to-publish, version-withdrawn (artifact-service refused), operation-abandoned")
    @APIResponse(responseCode = "422", description = "wrong-channel")
    @APIResponse(responseCode = "503", description = "channel-storage-unavailable: recorded; the sweeper completes it, or ask again")
    public ChannelResponse publish(@PathParam("channel") String channel, PublicationRequest request) {
        Channel named = Channels.named(channel);
        publishing.publish(named, request == null ? null : request.version(), identity.getPrincipal().getName());
        return view(named);
    }

    @POST
    @Path("/{channel}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELEASER)
    @Operation(summary = "Point current back to the previous published, not withdrawn release (one arch, or every arch)")
    @APIResponse(responseCode = "200", description = "Rolled back; the channel afterwards")
    @APIResponse(responseCode = "400", description = "invalid-rollback")
    @APIResponse(responseCode = "404", description = "channel-not-found")
    @APIResponse(responseCode = "409", description = "no-rollback-target, channel-busy")
    @APIResponse(responseCode = "503", description = "channel-storage-unavailable: recorded; the sweeper completes it")
    public ChannelResponse rollback(@PathParam("channel") String channel, RollbackRequest request) {
        Channel named = Channels.named(channel);
        if (request == null) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-rollback", "a JSON body {arch?, reason} is required");
        }
        publishing.rollback(named, Optional.ofNullable(request.arch()).filter(a -> !a.isBlank()), request.reason(),
                identity.getPrincipal().getName());
        return view(named);
    }

    private ChannelResponse view(Channel channel) {
        ChannelQueries.ChannelView view = queries.one(channel);
        return ChannelResponse.of(view.policy(), view.board());
    }
}
