package dev.kiln.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.PortException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link ArtifactCache} over artifact-service's {@code /cache/<path>} protocol: HEAD for existence, GET with
 * {@code Accept: application/json} for listings, streaming PUT and GET. Cache paths keep their '+' and '/'.
 */
@ApplicationScoped
public class ArtifactServiceClient implements ArtifactCache {

    private final Client client;
    private final String base;
    private final ServiceTokenHeaders token;
    private final BoundedRetry retry = new BoundedRetry(3, Duration.ofMillis(200));

    public ArtifactServiceClient(@ConfigProperty(name = "quarkus.rest-client.artifact-service.url") String url,
            @ConfigProperty(name = "quarkus.rest-client.artifact-service.connect-timeout", defaultValue = "5000") long connectMillis,
            @ConfigProperty(name = "quarkus.rest-client.artifact-service.read-timeout", defaultValue = "60000") long readMillis,
            ServiceTokenHeaders token) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
        this.client = ClientBuilder.newBuilder().connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readMillis, TimeUnit.MILLISECONDS).build();
    }

    @Override
    public boolean exists(String path) {
        return retry.call("artifact-service HEAD " + path, () -> {
            try (Response response = request(path, MediaType.WILDCARD).head()) {
                if (response.getStatus() == 404) {
                    return false;
                }
                if (response.getStatus() / 100 == 2) {
                    return true;
                }
                throw Failures.status("artifact-service HEAD /cache/" + path, response, null);
            } catch (RuntimeException e) {
                throw Failures.of("artifact-service HEAD /cache/" + path, e);
            }
        });
    }

    @Override
    public List<String> list(String dir) {
        String path = dir.endsWith("/") ? dir : dir + "/";
        return retry.call("artifact-service GET " + path, () -> {
            try (Response response = request(path, MediaType.APPLICATION_JSON).get()) {
                if (response.getStatus() == 404) {
                    return List.of();
                }
                if (response.getStatus() / 100 != 2) {
                    throw Failures.status("artifact-service GET /cache/" + path, response, null);
                }
                return names(response.readEntity(JsonNode.class));
            } catch (RuntimeException e) {
                throw Failures.of("artifact-service GET /cache/" + path, e);
            }
        });
    }

    @Override
    public void upload(String path, InputStream content) {
        try (Response response = request(path, MediaType.APPLICATION_JSON)
                .put(Entity.entity(content, MediaType.APPLICATION_OCTET_STREAM_TYPE))) {
            if (response.getStatus() / 100 != 2) {
                throw Failures.status("artifact-service PUT /cache/" + path, response, null);
            }
        } catch (RuntimeException e) {
            throw Failures.of("artifact-service PUT /cache/" + path, e);
        }
    }

    @Override
    public Optional<InputStream> open(String path) {
        return retry.call("artifact-service GET " + path, () -> {
            Response response;
            try {
                response = request(path, MediaType.WILDCARD).get();
            } catch (RuntimeException e) {
                throw Failures.of("artifact-service GET /cache/" + path, e);
            }
            if (response.getStatus() == 404) {
                response.close();
                return Optional.empty();
            }
            if (response.getStatus() / 100 != 2) {
                PortException failure = Failures.status("artifact-service GET /cache/" + path, response, null);
                response.close();
                throw failure;
            }
            return Optional.of(response.readEntity(InputStream.class));
        });
    }

    private Invocation.Builder request(String path, String accept) {
        Invocation.Builder builder = client.target(base).path("cache/" + path).request(accept);
        token.bearer().ifPresent(value -> builder.header("Authorization", value));
        return builder;
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

    @PreDestroy
    void close() {
        client.close();
    }
}
