package dev.kiln.release.testing;

import dev.kiln.clients.build.CancelBuildRequest;
import dev.kiln.clients.build.CreateBuildRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * build-runner's builds API as docs/api/build-runner.md describes it: a create is idempotent by
 * {@code Idempotency-Key} (the same build again), builds run until a test ends them, a cancel of a finished build is
 * {@code 409 build-finished}. It counts every call, so tests can prove that no second build was started.
 */
@Path("/fake-build-runner/api/v1/builds")
@ApplicationScoped
public class FakeBuildRunner {

    /** One build as the fake holds it. */
    public record Build(String id, CreateBuildRequest request, String state, String reason) {
    }

    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final Map<String, Build> builds = new ConcurrentHashMap<>();
    private final List<String> cancels = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Map<String, Object>> built = new ConcurrentHashMap<>();
    private final AtomicInteger gets = new AtomicInteger();

    /** Every create call, replays included. */
    public int posts() {
        return posts.get();
    }

    /** Builds started under distinct keys. */
    public int started() {
        return builds.size();
    }

    public Optional<Build> byKey(String key) {
        return Optional.ofNullable(idsByKey.get(key)).map(builds::get);
    }

    public Optional<Build> build(String id) {
        return Optional.ofNullable(builds.get(id));
    }

    /** Build ids whose cancel was asked for, in order. */
    public List<String> cancels() {
        return List.copyOf(cancels);
    }

    /** Every read of a build. */
    public int gets() {
        return gets.get();
    }

    /**
     * Ends a build successfully, answering what build-runner knows of a finished build from then on: its version (from
     * its tag), SDK version, scripts branch and commit, pipeline digest and params.
     */
    public void succeed(String id, String sdkVersion, String commit, String pipelineDigest, Map<String, String> params) {
        Build build = builds.get(id);
        String version = dev.kiln.flatcar.Tag.parse(build.request().tag()).version().toString();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", version);
        facts.put("sdkVersion", sdkVersion);
        facts.put("branch", "flatcar-" + version.substring(0, version.indexOf('.')));
        facts.put("commit", commit);
        facts.put("pipelineDigest", pipelineDigest);
        facts.put("params", params);
        built.put(id, facts);
        finish(id, "succeeded", null);
    }

    /** Ends a build as build-runner would (succeeded, failed, cancelled). */
    public void finish(String id, String state, String reason) {
        builds.computeIfPresent(id, (k, b) -> new Build(b.id(), b.request(), state, reason));
    }

    @POST
    public synchronized Response create(@HeaderParam("Idempotency-Key") String key, CreateBuildRequest request) {
        posts.incrementAndGet();
        if (key == null || request == null || request.tag() == null || request.kind() != null) {
            return Response.status(400).type("application/problem+json")
                    .entity(Map.of("type", "https://kiln.dev/problems/validation", "status", 400)).build();
        }
        String id = idsByKey.computeIfAbsent(key, k -> {
            String created = "rb" + String.format("%08d", ids.incrementAndGet());
            builds.put(created, new Build(created, request, "requested", null));
            return created;
        });
        return Response.status(201).entity(json(builds.get(id))).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        gets.incrementAndGet();
        Build build = builds.get(id);
        return build == null ? Response.status(404).build() : Response.ok(json(build), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/cancel")
    public synchronized Response cancel(@PathParam("id") String id, CancelBuildRequest request) {
        cancels.add(id);
        Build build = builds.get(id);
        if (build == null) {
            return Response.status(404).build();
        }
        if (List.of("succeeded", "failed", "cancelled").contains(build.state())) {
            return Response.status(409).type("application/problem+json")
                    .entity(Map.of("type", "https://kiln.dev/problems/build-finished", "status", 409)).build();
        }
        finish(id, "cancelled", request == null ? null : request.reason());
        return Response.ok(json(builds.get(id)), MediaType.APPLICATION_JSON).build();
    }

    private Map<String, Object> json(Build b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("pipeline", b.request().pipeline());
        out.put("state", b.state());
        out.put("reason", b.reason());
        out.put("tag", b.request().tag());
        out.put("arches", b.request().arches());
        out.put("vendors", b.request().vendors());
        out.putAll(built.getOrDefault(b.id(), Map.of()));
        out.put("steps", List.of());
        return out;
    }
}
