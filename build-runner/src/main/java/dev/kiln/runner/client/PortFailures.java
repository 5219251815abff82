package dev.kiln.runner.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.runner.domain.port.PortException;

/** A failed call to another service as the domain's ports report it: permanent when repeating it cannot help. */
final class PortFailures {

    private PortFailures() {
    }

    static PortException of(ServiceCallException e) {
        return new PortException(e.getMessage(), e.permanent(), e);
    }
}
