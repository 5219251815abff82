package dev.kiln.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds {@code Authorization: Bearer <kiln.service-token>} (env {@code KILN_SERVICE_TOKEN}) to every call a Kiln
 * service makes to another: the one way a service presents its own identity.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    /** The configuration key every service reads its token from. */
    public static final String TOKEN_KEY = "kiln.service-token";

    private final Optional<String> bearer;

    public ServiceTokenHeaders(@ConfigProperty(name = TOKEN_KEY) Optional<String> token) {
        this.bearer = token.filter(t -> !t.isBlank()).map(t -> "Bearer " + t.strip());
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        bearer.ifPresent(value -> headers.putSingle(HttpHeaders.AUTHORIZATION, value));
        return headers;
    }
}
