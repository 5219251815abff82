package dev.kiln.runner.client;

import dev.kiln.runner.config.RunnerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Adds {@code Authorization: Bearer <KILN_SERVICE_TOKEN>} to calls to the other Kiln services. */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private final RunnerConfig config;

    public ServiceTokenHeaders(RunnerConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        bearer().ifPresent(value -> headers.putSingle("Authorization", value));
        return headers;
    }

    java.util.Optional<String> bearer() {
        return config.serviceToken().filter(t -> !t.isBlank()).map(t -> "Bearer " + t);
    }
}
