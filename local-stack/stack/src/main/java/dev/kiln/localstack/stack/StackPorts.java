package dev.kiln.localstack.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ports of the local stack, by component; each can be overridden with {@code --port-<component>}. */
public final class StackPorts {

    private final Map<String, Integer> ports = new LinkedHashMap<>();

    public StackPorts() {
        ports.put("postgres", 15432);
        ports.put("kafka", 19092);
        ports.put("kafka-controller", 19093);
        ports.put("s3", 19000);
        ports.put(Component.VERSION_SERVICE.id(), 8081);
        ports.put(Component.BUILD_RUNNER.id(), 8082);
        ports.put(Component.ARTIFACT_SERVICE.id(), 8083);
        ports.put(Component.RELEASE_SERVICE.id(), 8084);
        ports.put(Component.CONSOLE.id(), 8080);
    }

    public void set(String component, int port) {
        if (!ports.containsKey(component)) {
            throw new IllegalArgumentException("unknown component '" + component + "'; known: " + ports.keySet());
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range for " + component + ": " + port);
        }
        ports.put(component, port);
    }

    public int of(String component) {
        return ports.get(component);
    }

    public Map<String, Integer> all() {
        return Map.copyOf(ports);
    }
}
