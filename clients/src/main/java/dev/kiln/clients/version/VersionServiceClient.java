package dev.kiln.clients.version;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.ServiceCalls;
import dev.kiln.common.api.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one client of version-service every Kiln service uses: the service token on every call, transient
 * failures retried by the shared policy (allocation is idempotent by key, so a retry is safe), and failures
 * as {@link ServiceCallException}s carrying the problem type version-service answered with.
 */
@ApplicationScoped
public class VersionServiceClient {

    static final int PAGE_SIZE = 500;

    private final VersionServiceApi api;
    private final ServiceCalls calls = new ServiceCalls("version-service");

    public VersionServiceClient(@RestClient VersionServiceApi api) {
        this.api = api;
    }

    /** {@code POST /api/v1/versions}: the version for {@code request}, the same one again for the same key. */
    public VersionResponse allocate(CreateVersionRequest request, String idempotencyKey) {
        return calls.call("POST /api/v1/versions", () -> api.allocate(idempotencyKey, request));
    }

    /** {@code GET /api/v1/versions/{tag}}, empty when version-service does not know the tag. */
    public Optional<VersionResponse> find(String tag) {
        return calls.find("GET /api/v1/versions/" + tag, () -> api.get(tag));
    }

    /** Every version whose tag exists, page by page. */
    public List<VersionResponse> listTagged() {
        List<VersionResponse> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            int current = page;
            PageResponse<VersionResponse> result = calls.call("GET /api/v1/versions?page=" + page,
                    () -> api.list("tagged", current, PAGE_SIZE));
            all.addAll(result.items());
            if (result.items().isEmpty() || (long) (page + 1) * result.size() >= result.total()) {
                return all;
            }
        }
    }

    /** {@code DELETE /api/v1/versions/{tag}}; a tag that is already gone counts as deleted, so a repeat converges. */
    public void delete(String tag, String reason) {
        try {
            calls.call("DELETE /api/v1/versions/" + tag, () -> {
                api.delete(tag, reason).close();
                return null;
            });
        } catch (ServiceCallException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }
}
