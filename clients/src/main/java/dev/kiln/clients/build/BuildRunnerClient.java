package dev.kiln.clients.build;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.ServiceCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one client of build-runner's builds API: the service token on every call, transient failures retried by the
 * shared policy (a create is idempotent by its {@code Idempotency-Key}, so a retry starts no second build), failures
 * as {@link ServiceCallException}s with build-runner's problem type.
 */
@ApplicationScoped
public class BuildRunnerClient {

    /** build-runner's problem type for cancelling a build that already ended. */
    public static final String BUILD_FINISHED = "build-finished";

    private final BuildRunnerApi api;
    private final ServiceCalls calls = new ServiceCalls("build-runner");

    public BuildRunnerClient(@RestClient BuildRunnerApi api) {
        this.api = api;
    }

    /** {@code POST /api/v1/builds}: the build for {@code request}, the same one again for the same key. */
    public BuildResponse start(CreateBuildRequest request, String idempotencyKey) {
        return calls.call("POST /api/v1/builds", () -> api.create(idempotencyKey, request));
    }

    /** {@code GET /api/v1/builds/{id}}, empty when build-runner does not know the build. */
    public Optional<BuildResponse> find(String id) {
        return calls.find("GET /api/v1/builds/" + id, () -> api.get(id));
    }

    /**
     * {@code POST /api/v1/builds/{id}/cancel}. A build that already ended ({@code 409 build-finished}) or that
     * build-runner does not know is left as it is, so a repeat converges; returns the build as it now is, if known.
     */
    public Optional<BuildResponse> cancel(String id, String reason) {
        try {
            return Optional.of(calls.call("POST /api/v1/builds/" + id + "/cancel", () -> api.cancel(id, new CancelBuildRequest(reason))));
        } catch (ServiceCallException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            if (e.status() == 409 && e.problemType().filter(BUILD_FINISHED::equals).isPresent()) {
                return find(id);
            }
            throw e;
        }
    }
}
