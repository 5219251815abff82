package dev.kiln.runner.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.ServiceCalls;
import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.PortException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@link ArtifactCache} over artifact-service: HEAD for existence, GET with {@code Accept: application/json}
 * for listings, streaming PUT and GET. Reads are retried by the shared policy; an upload is not (its stream is
 * spent), the caller retries it with a fresh stream. A 404 is an answer (absent), not a failure.
 */
@ApplicationScoped
public class ArtifactServiceClient implements ArtifactCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactServiceApi api;
    private final ServiceCalls calls = new ServiceCalls("artifact-service");

    public ArtifactServiceClient(@RestClient ArtifactServiceApi api) {
        this.api = api;
    }

    @Override
    public boolean exists(String path) {
        try (Response response = calls.call("HEAD /cache/" + path, () -> api.head(CachePaths.encode(path)))) {
            return response.getStatus() / 100 == 2;
        } catch (ServiceCallException e) {
            if (e.notFound()) {
                return false;
            }
            throw PortFailures.of(e);
        }
    }

    @Override
    public List<String> list(String dir) {
        String path = dir.endsWith("/") ? dir : dir + "/";
        String listing;
        try {
            listing = calls.call("GET /cache/" + path, () -> api.list(CachePaths.encode(path)));
        } catch (ServiceCallException e) {
            if (e.notFound()) {
                return List.of();
            }
            throw PortFailures.of(e);
        }
        try {
            return names(JSON.readTree(listing));
        } catch (JsonProcessingException e) {
            throw new PortException("artifact-service GET /cache/" + path + " answered a listing that is not JSON: "
                    + e.getOriginalMessage(), true, e);
        }
    }

    @Override
    public void upload(String path, InputStream content) {
        String what = "PUT /cache/" + path;
        try (Response response = api.put(CachePaths.encode(path), content)) {
            if (response.getStatus() / 100 != 2) {
                throw new WebApplicationException(response);
            }
        } catch (RuntimeException e) {
            throw PortFailures.of(calls.failure(what, e));
        }
    }

    @Override
    public Optional<InputStream> open(String path) {
        try {
            return Optional.of(calls.call("GET /cache/" + path, () -> api.get(CachePaths.encode(path))));
        } catch (ServiceCallException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw PortFailures.of(e);
        }
    }

    private static List<String> names(JsonNode listing) {
        JsonNode entries = listing.isArray() ? listing : listing.path("entries").isArray() ? listing.path("entries")
                : listing.path("items");
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> {
            String name = entry.isTextual() ? entry.asText() : entry.path("name").asText(null);
            if (name != null) {
                names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            }
        });
        return names;
    }
}
