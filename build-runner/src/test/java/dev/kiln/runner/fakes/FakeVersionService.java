package dev.kiln.runner.fakes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * version-service's allocation API as documented: idempotent by {@code Idempotency-Key}, a unique main
 * nightly per allocation, tagged in the scripts repository so that steps can check it out.
 */
@Path("/fake-version/api/v1/versions")
@ApplicationScoped
public class FakeVersionService {

    /** A version as the fake answers it. */
    public record Version(String tag, String version, String versionId, String buildId, String sdkVersion,
            String group, String channel, String branch, String commit) {
    }

    /** The request body. */
    public record Allocation(String kind, String branch, String from, String to, String suffix, String sdkVersion) {
    }

    private final String repository;
    private final Map<String, Version> byKey = new ConcurrentHashMap<>();
    private final Map<String, Version> byTag = new ConcurrentHashMap<>();
    private final AtomicInteger majors = new AtomicInteger(4800);
    private final AtomicInteger failures = new AtomicInteger();

    public FakeVersionService(@ConfigProperty(name = "kiln.test.scripts-repo-dir") String repository) {
        this.repository = repository;
    }

    /** The next {@code n} allocations answer 503. */
    public void failNext(int n) {
        failures.set(n);
    }

    public int allocations() {
        return byKey.size();
    }

    @POST
    public Response allocate(@HeaderParam("Idempotency-Key") String key, Allocation request) throws Exception {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(503).entity("{\"title\":\"try again\"}").type(MediaType.APPLICATION_JSON).build();
        }
        if (key == null) {
            return Response.status(400).build();
        }
        Version version = byKey.computeIfAbsent(key, k -> newVersion(request));
        return Response.status(201).entity(version).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{tag}")
    public Response get(@PathParam("tag") String tag) {
        Version version = byTag.get(tag);
        return version == null ? Response.status(404).build()
                : Response.ok(version, MediaType.APPLICATION_JSON).build();
    }

    private Version newVersion(Allocation request) {
        int major = majors.incrementAndGet();
        String buildId = "dev".equals(request.kind()) && request.suffix() != null ? request.suffix() : "nightly-20260821-2100";
        String versionId = major + ".0.0";
        String version = versionId + "+" + buildId;
        String tag = "main-" + versionId + "-" + buildId;
        String sdk = request.sdkVersion() != null ? request.sdkVersion() : version;
        tag(tag);
        Version v = new Version(tag, version, versionId, buildId, sdk, "developer", "developer", request.branch(), "0000000");
        byTag.put(tag, v);
        return v;
    }

    private void tag(String tag) {
        try {
            Process git = new ProcessBuilder("git", "--git-dir", repository, "tag", tag, "main")
                    .redirectErrorStream(true).start();
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git tag " + tag + " failed: " + new String(git.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
