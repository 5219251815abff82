package dev.kiln.console.web;

import dev.kiln.console.client.Backend;
import dev.kiln.console.client.Page;
import dev.kiln.console.client.ReleaseServiceApi;
import dev.kiln.console.client.Releases;
import dev.kiln.console.session.Refusal;
import dev.kiln.console.session.Visitor;
import dev.kiln.console.view.ChannelBoard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The channels board (alpha, beta, stable, lts: current per arch, history), the release requests (queue, newest
 * finished, the request form); publish and rollback.
 */
@Path("/channels")
@Produces(MediaType.TEXT_HTML)
public class ChannelPages {

    static final List<String> CHANNEL_ORDER = List.of("alpha", "beta", "stable", "lts");
    static final Set<String> CHANNELS = Set.copyOf(CHANNEL_ORDER);
    private static final Set<String> FINISHED = Set.of("published", "failed", "cancelled");
    private static final int RECENT_FINISHED = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance channels(PageContext page, Section<List<ChannelBoard>> boards,
                Section<Requests> requests, Section<Page<Releases.Release>> open, RequestForm form);
    }

    /** Release requests: the open ones (the queue) and the newest finished ones. */
    public record Requests(List<Releases.Promotion> open, List<Releases.Promotion> finished) {

        static Requests of(List<Releases.Promotion> newestFirst) {
            return new Requests(newestFirst.stream().filter(p -> !FINISHED.contains(p.state())).toList(),
                    newestFirst.stream().filter(p -> FINISHED.contains(p.state())).limit(RECENT_FINISHED).toList());
        }
    }

    /** What the release request form offers; {@code submission} is its one-time id. */
    public record RequestForm(List<String> types, List<String> channels, List<String> arches, String submission) {
    }

    private final ReleaseServiceApi releases;
    private final Visitor visitor;

    public ChannelPages(@RestClient ReleaseServiceApi releases, Visitor visitor) {
        this.releases = releases;
        this.visitor = visitor;
    }

    @GET
    public TemplateInstance board() {
        return Templates.channels(PageContext.of(visitor, "Channels", "channels"),
                Section.of(() -> Backend.call("release-service", releases::channels).stream().map(ChannelBoard::of).toList()),
                Section.of(() -> Requests.of(Backend.call("release-service", () -> releases.promotions(null, 0, 100)).items())),
                Section.of(() -> Backend.call("release-service", () -> releases.releases(null, null, 0, 50))),
                new RequestForm(PromotionPages.TYPES, CHANNEL_ORDER, BuildPages.ARCHES, UUID.randomUUID().toString()));
    }

    @POST
    @Path("/{channel}/publications")
    public Response publish(@PathParam("channel") String channel, @RestForm String csrf, @RestForm String version) {
        String authorization = visitor.authorize(csrf);
        requireChannel(channel);
        Backend.call("release-service", () -> releases.publish(authorization, channel,
                new Releases.PublicationRequest(version == null ? null : version.strip())));
        return BuildPages.seeOther("/releases/" + version.strip());
    }

    @POST
    @Path("/{channel}/rollback")
    public Response rollback(@PathParam("channel") String channel, @RestForm String csrf, @RestForm String arch,
            @RestForm String reason) {
        String authorization = visitor.authorize(csrf);
        requireChannel(channel);
        if (reason == null || reason.isBlank()) {
            throw new Refusal(400, "Rolling back a channel needs a reason.");
        }
        Backend.call("release-service", () -> releases.rollback(authorization, channel,
                new Releases.RollbackRequest(arch == null || arch.isBlank() ? null : arch.strip(), reason.strip())));
        return BuildPages.seeOther("/channels#" + channel);
    }

    static void requireChannel(String channel) {
        if (!CHANNELS.contains(channel)) {
            throw new Refusal(404, "No channel '" + channel + "': alpha, beta, stable or lts.");
        }
    }
}
