package dev.kiln.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.console.client.Backend;
import dev.kiln.console.client.BuildRunnerApi;
import dev.kiln.console.client.Builds;
import dev.kiln.console.client.Page;
import dev.kiln.console.session.Refusal;
import dev.kiln.console.session.Visitor;
import dev.kiln.console.view.StepGraph;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Builds: the list with its filters and the start form, one build's DAG, cancel and resume, a step run's log. */
@Path("/builds")
@Produces(MediaType.TEXT_HTML)
public class BuildPages {

    static final List<String> STATES = List.of("requested", "running", "succeeded", "failed", "cancelled");
    static final List<String> KINDS = List.of("nightly", "alpha", "promotion", "patch", "dev");
    static final List<String> ARCHES = List.of("amd64", "arm64");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance builds(PageContext page, Section<Page<Builds.Summary>> builds, String state,
                String tag, List<String> states, Section<Page<Builds.Pipeline>> pipelines, List<String> kinds,
                List<String> arches, String submission);

        static native TemplateInstance build(PageContext page, Builds.Build build, String graph);

        static native TemplateInstance log(PageContext page, Builds.Build build, Builds.StepRun step, String log);
    }

    private final BuildRunnerApi runner;
    private final Visitor visitor;

    public BuildPages(@RestClient BuildRunnerApi runner, Visitor visitor) {
        this.runner = runner;
        this.visitor = visitor;
    }

    @GET
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("tag") String tag,
            @QueryParam("page") int page) {
        String stateFilter = state != null && STATES.contains(state) ? state : null;
        String tagFilter = tag == null || tag.isBlank() ? null : tag.strip();
        return Templates.builds(PageContext.of(visitor, "Builds", "builds"),
                Section.of(() -> Backend.call("build-runner", () -> runner.builds(stateFilter, tagFilter, Math.max(0, page),
                        PAGE_SIZE))),
                stateFilter, tagFilter, STATES, Section.of(() -> Backend.call("build-runner", () -> runner.pipelines(0, 100))),
                KINDS, ARCHES, UUID.randomUUID().toString());
    }

    @POST
    public Response start(@RestForm String csrf, @RestForm String pipeline, @RestForm String kind,
            @RestForm String branch, @RestForm String from, @RestForm String to, @RestForm String suffix,
            @RestForm String tag, @RestForm("arch") List<String> arches, @RestForm String vendors,
            @RestForm String submission) {
        String authorization = visitor.authorize(csrf);
        if (blank(pipeline) || (blank(kind) && blank(tag))) {
            throw new Refusal(400, "A build needs a pipeline and a kind (or an existing tag).");
        }
        Builds.StartRequest request = new Builds.StartRequest(pipeline.strip(), blank(tag) ? kind : null, trim(branch),
                trim(from), trim(to), trim(suffix), trim(tag), arches == null ? List.of() : arches, split(vendors));
        // the form's one-time id as idempotency key: a double-clicked submit starts one build
        String key = blank(submission) ? null : "console-" + submission.strip();
        Builds.Build build = Backend.call("build-runner", () -> runner.start(authorization, key, request));
        return seeOther("/builds/" + build.id());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance build(@PathParam("id") String id) {
        Builds.Build build = Backend.call("build-runner", () -> runner.build(id));
        return Templates.build(PageContext.of(visitor, "Build " + build.id(), "builds"), build,
                json(StepGraph.of(build.steps())));
    }

    /** The build's state and its runs' states, read once by the page when its event stream opens. */
    @GET
    @Path("/{id}/state")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> state(@PathParam("id") String id) {
        Builds.Build build = Backend.call("build-runner", () -> runner.build(id));
        return Map.of("state", build.state(), "steps", build.steps().stream()
                .map(s -> Map.of("run", s.run(), "state", s.state())).toList());
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id, @RestForm String csrf, @RestForm String reason) {
        String authorization = visitor.authorize(csrf);
        Backend.call("build-runner", () -> runner.cancel(authorization, id, new Builds.CancelRequest(trim(reason))));
        return seeOther("/builds/" + id);
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id, @RestForm String csrf) {
        String authorization = visitor.authorize(csrf);
        Backend.call("build-runner", () -> runner.resume(authorization, id));
        return seeOther("/builds/" + id);
    }

    @GET
    @Path("/{id}/steps/{run}/log")
    public TemplateInstance log(@PathParam("id") String id, @PathParam("run") String run) {
        Builds.Build build = Backend.call("build-runner", () -> runner.build(id));
        Builds.StepRun step = build.steps().stream().filter(s -> s.run().equals(run)).findFirst()
                .orElseThrow(() -> new Refusal(404, "Build " + id + " has no step run '" + run + "'."));
        String log = Backend.find("build-runner", () -> runner.log(id, run)).orElse("");
        return Templates.log(PageContext.of(visitor, run + " of " + id, "builds"), build, step, log);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    private static List<String> split(String values) {
        return blank(values) ? List.of() : Arrays.stream(values.split("[,\\s]+")).filter(v -> !v.isBlank()).toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
