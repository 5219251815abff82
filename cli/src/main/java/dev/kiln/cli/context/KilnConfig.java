package dev.kiln.cli.context;

import java.util.Map;
import java.util.TreeMap;

/** The config file: named contexts and the one in use, like kubectl's kubeconfig. */
public record KilnConfig(String currentContext, Map<String, ContextSettings> contexts) {

    public KilnConfig {
        contexts = new TreeMap<>(contexts == null ? Map.of() : contexts);
    }

    public static KilnConfig empty() {
        return new KilnConfig(null, Map.of());
    }

    public KilnConfig withContext(String name, ContextSettings settings) {
        Map<String, ContextSettings> changed = new TreeMap<>(contexts);
        changed.put(name, settings);
        return new KilnConfig(currentContext, changed);
    }

    public KilnConfig withoutContext(String name) {
        Map<String, ContextSettings> changed = new TreeMap<>(contexts);
        changed.remove(name);
        return new KilnConfig(name.equals(currentContext) ? null : currentContext, changed);
    }

    public KilnConfig using(String name) {
        return new KilnConfig(name, contexts);
    }
}
