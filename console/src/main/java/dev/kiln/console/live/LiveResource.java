package dev.kiln.console.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.console.client.BuildRunnerApi;
import dev.kiln.console.config.ConsoleConfig;
import dev.kiln.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Server-sent event streams the pages subscribe to: build events (all, or one build's), release events, and
 * the live tail of a step run's log. A {@code ping} every 15 s keeps proxies from closing an idle stream.
 */
@Path("/live")
@Produces(MediaType.SERVER_SENT_EVENTS)
public class LiveResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PING = Duration.ofSeconds(15);

    private final LiveEvents live;
    private final BuildRunnerApi runner;
    private final ConsoleConfig config;

    public LiveResource(LiveEvents live, @RestClient BuildRunnerApi runner, ConsoleConfig config) {
        this.live = live;
        this.runner = runner;
        this.config = config;
    }

    @GET
    @Path("/builds")
    public Multi<OutboundSseEvent> builds(@Context Sse sse) {
        return withPings(sse, live.stream(e -> e.topic().equals(Topics.BUILDS)).map(e -> event(sse, e)));
    }

    @GET
    @Path("/builds/{id}")
    public Multi<OutboundSseEvent> build(@Context Sse sse, @PathParam("id") String id) {
        return withPings(sse, live.stream(e -> e.topic().equals(Topics.BUILDS) && id.equals(e.key()))
                .map(e -> event(sse, e)));
    }

    @GET
    @Path("/releases")
    public Multi<OutboundSseEvent> releases(@Context Sse sse) {
        return withPings(sse, live.stream(e -> e.topic().equals(Topics.RELEASES)).map(e -> event(sse, e)));
    }

    @GET
    @Path("/builds/{id}/steps/{run}/log")
    @Blocking // reads the run's state first
    public Multi<OutboundSseEvent> log(@Context Sse sse, @PathParam("id") String id, @PathParam("run") String run,
            @QueryParam("from") int from) {
        LogTail tail = new LogTail(runner, id, run, from);
        Multi<LiveEvent> events = live.stream(e -> e.topic().equals(Topics.BUILDS) && id.equals(e.key()));
        return tail.chunks(config.logTailEvery(), events).map(chunk -> sse.newEventBuilder()
                .name(chunk.last() ? "end" : "log").data(json(Map.of("text", chunk.text()))).build());
    }

    private static OutboundSseEvent event(Sse sse, LiveEvent e) {
        String name = e.stepEvent() ? "step" : e.topic().equals(Topics.BUILDS) ? "build" : "release";
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put("type", e.type());
        data.put("key", e.key());
        if (e.run() != null) {
            data.put("run", e.run());
        }
        if (e.state() != null) {
            data.put("state", e.state());
        }
        return sse.newEventBuilder().name(name).data(json(data)).build();
    }

    private static Multi<OutboundSseEvent> withPings(Sse sse, Multi<OutboundSseEvent> events) {
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(PING).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
        // "hello" tells the page it is subscribed: it then reads the state once, covering what happened before
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(() -> sse.newEventBuilder().name("hello").data("{}").build());
        return Multi.createBy().merging().streams(hello, events, pings);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
