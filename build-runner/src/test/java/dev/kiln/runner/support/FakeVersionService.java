package dev.kiln.runner.support;

import dev.kiln.clients.version.CreateVersionRequest;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.VersionRequest;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * version-service's allocation API as documented: idempotent by {@code Idempotency-Key}, a request checked with
 * version-service's field rules (400 otherwise), a unique version per allocation, tagged in the scripts
 * repository so that steps can check it out.
 */
@Path("/fake-version/api/v1/versions")
@ApplicationScoped
public class FakeVersionService {

    private final String repository;
    private final FakeVersions versions = new FakeVersions(this::tag);
    private final AtomicInteger failures = new AtomicInteger();

    public FakeVersionService(@ConfigProperty(name = "kiln.test.scripts-repo-dir") String repository) {
        this.repository = repository;
    }

    /** The next {@code n} allocations answer 503. */
    public void failNext(int n) {
        failures.set(n);
    }

    public int allocations() {
        return versions.allocations();
    }

    /** The request version-service received for the build's allocation (key {@code kiln-build-<id>}). */
    public Optional<VersionRequest> requestOfBuild(String buildId) {
        return versions.request("kiln-build-" + buildId);
    }

    @POST
    public Response allocate(@HeaderParam("Idempotency-Key") String key, CreateVersionRequest request) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(503).entity("{\"title\":\"try again\"}").type(MediaType.APPLICATION_JSON).build();
        }
        if (key == null) {
            return Response.status(400).build();
        }
        try {
            return Response.status(201).entity(versions.allocate(key, request)).type(MediaType.APPLICATION_JSON).build();
        } catch (IllegalArgumentException | InvalidVersionRequestException e) {
            return Response.status(400).entity(Map.of("type", "https://kiln.dev/problems/validation", "detail", e.getMessage()))
                    .type("application/problem+json").build();
        }
    }

    @GET
    @Path("/{tag}")
    public Response get(@PathParam("tag") String tag) {
        return versions.find(tag).map(v -> Response.ok(v, MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Response.status(404).build());
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
