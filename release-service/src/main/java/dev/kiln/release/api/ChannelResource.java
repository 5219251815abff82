package dev.kiln.release.api;

import dev.kiln.release.service.ChannelQueries;
import dev.kiln.release.service.Channels;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Channels: their gate policies and boards. Reads are public. */
@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    private final ChannelQueries queries;

    public ChannelResource(ChannelQueries queries) {
        this.queries = queries;
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
}
