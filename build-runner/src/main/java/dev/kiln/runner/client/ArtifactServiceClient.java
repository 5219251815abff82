package dev.kiln.runner.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.PortException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@link ArtifactCache} over artifact-service: HEAD for existence, GET with {@code Accept: application/json}
 * for listings, streaming PUT and GET. Reads are retried a few times; an upload is not (its stream is spent),
 * the caller retries it with a fresh stream.
 */
@ApplicationScoped
public class ArtifactServiceClient implements ArtifactCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactServiceApi api;
    private final BoundedRetry retry = new BoundedRetry(3, Duration.ofMillis(200));

    public ArtifactServiceClient(@RestClient ArtifactServiceApi api) {
        this.api = api;
    }

    @Override
    public boolean exists(String path) {
        String what = "artifact-service HEAD /cache/" + path;
        return retry.call(what, () -> {
            try (Response response = api.head(CachePaths.encode(path))) {
                return response.getStatus() / 100 == 2;
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw Failures.of(what, e);
            } catch (RuntimeException e) {
                throw Failures.of(what, e);
            }
        });
    }

    @Override
    public List<String> list(String dir) {
        String path = dir.endsWith("/") ? dir : dir + "/";
        String what = "artifact-service GET /cache/" + path;
        return retry.call(what, () -> {
            try {
                return names(JSON.readTree(api.list(CachePaths.encode(path))));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return List.of();
                }
                throw Failures.of(what, e);
            } catch (JsonProcessingException e) {
                throw new PortException(what + " answered a listing that is not JSON: " + e.getOriginalMessage(), true, e);
            } catch (RuntimeException e) {
                throw Failures.of(what, e);
            }
        });
    }

    @Override
    public void upload(String path, InputStream content) {
        try (Response response = api.put(CachePaths.encode(path), content)) {
            if (response.getStatus() / 100 != 2) {
                throw Failures.status("artifact-service PUT /cache/" + path, response, null);
            }
        } catch (RuntimeException e) {
            throw Failures.of("artifact-service PUT /cache/" + path, e);
        }
    }

    @Override
    public Optional<InputStream> open(String path) {
        String what = "artifact-service GET /cache/" + path;
        return retry.call(what, () -> {
            try {
                return Optional.of(api.get(CachePaths.encode(path)));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw Failures.of(what, e);
            } catch (RuntimeException e) {
                throw Failures.of(what, e);
            }
        });
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
