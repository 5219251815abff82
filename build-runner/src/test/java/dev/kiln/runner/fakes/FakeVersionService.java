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

    @POST
    public Response allocate(@HeaderParam("Idempotency-Key") String key, FakeVersions.Allocation request) throws Exception {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(503).entity("{\"title\":\"try again\"}").type(MediaType.APPLICATION_JSON).build();
        }
        if (key == null) {
            return Response.status(400).build();
        }
        return Response.status(201).entity(versions.allocate(key, request)).type(MediaType.APPLICATION_JSON).build();
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
