package dev.kiln.release.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.gate.GatePolicies;
import dev.kiln.release.domain.gate.GatePolicy;
import dev.kiln.release.domain.gate.InvalidGatePolicyException;
import dev.kiln.release.domain.gate.RequiredSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a gate policy YAML file ({@code channels: {alpha: {...}, ...}}) into {@link GatePolicies}. Strict: an unknown
 * key is an error, since a misspelt {@code requiredApprovals} silently meaning 0 would open a gate.
 */
public final class PolicyFile {

    /** The bundled default, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/release-policy.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("channels");
    private static final Set<String> CHANNEL_KEYS =
            Set.of("suites", "flakeAttempts", "minimumSoak", "requiredApprovals", "autoPublish", "autoRollback");
    private static final Set<String> SUITE_KEYS = Set.of("name", "per", "listed");

    private PolicyFile() {
    }

    /** The file at {@code path}, or the bundled default when empty; errors name the file. */
    public static GatePolicies load(java.util.Optional<Path> path) {
        if (path.isPresent()) {
            try {
                return parse(Files.readString(path.get(), StandardCharsets.UTF_8), path.get().toString());
            } catch (IOException e) {
                throw new InvalidGatePolicyException("cannot read gate policy file " + path.get() + ": " + e.getMessage());
            }
        }
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GatePolicies parse(String yaml, String origin) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                throw invalid(origin, "expected a mapping with key 'channels'");
            }
            requireKeys(root, TOP_KEYS, origin, "top level");
            JsonNode channels = root.path("channels");
            if (!channels.isObject()) {
                throw invalid(origin, "'channels' must map channel names to policies");
            }
            List<GatePolicy> policies = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                policies.add(channel(entry.getKey(), entry.getValue(), origin));
            }
            return GatePolicies.of(policies);
        } catch (JsonProcessingException e) {
            throw invalid(origin, "not valid YAML: " + e.getOriginalMessage());
        } catch (InvalidGatePolicyException e) {
            throw e.getMessage().startsWith(origin) ? e : invalid(origin, e.getMessage());
        }
    }

    private static GatePolicy channel(String id, JsonNode node, String origin) {
        Channel channel = GatePolicy.channel(id);
        String where = "channels." + id;
        if (!node.isObject()) {
            throw invalid(origin, where + " must be a mapping");
        }
        requireKeys(node, CHANNEL_KEYS, origin, where);
        List<RequiredSuite> suites = new ArrayList<>();
        JsonNode list = node.path("suites");
        if (!list.isMissingNode() && !list.isArray()) {
            throw invalid(origin, where + ".suites must be a list");
        }
        for (JsonNode suite : list) {
            suites.add(suite(suite, origin, where + ".suites"));
        }
        return new GatePolicy(channel, suites, integer(node, "flakeAttempts", 1, origin, where),
                duration(node.path("minimumSoak"), origin, where), integer(node, "requiredApprovals", 0, origin, where),
                bool(node, "autoPublish", origin, where), bool(node, "autoRollback", origin, where));
    }

    private static RequiredSuite suite(JsonNode node, String origin, String where) {
        if (!node.isObject()) {
            throw invalid(origin, where + " entries are mappings {name, per, listed?}");
        }
        requireKeys(node, SUITE_KEYS, origin, where);
        String name = node.path("name").asText("");
        String per = node.path("per").asText("");
        RequiredSuite.Per kind = switch (per) {
            case "arch" -> RequiredSuite.Per.ARCH;
            case "vendor" -> RequiredSuite.Per.VENDOR;
            default -> throw invalid(origin, where + " '" + name + "': per must be arch or vendor, was '" + per + "'");
        };
        List<String> listed = new ArrayList<>();
        node.path("listed").forEach(t -> listed.add(t.asText()));
        return new RequiredSuite(name, kind, listed);
    }

    private static int integer(JsonNode node, String key, int fallback, String origin, String where) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw invalid(origin, where + "." + key + " must be a whole number, was '" + value.asText() + "'");
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode node, String key, String origin, String where) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(origin, where + "." + key + " must be true or false, was '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    /** {@code 14d}, {@code 36h}, {@code 0} or ISO-8601 ({@code P14D}). */
    static Duration duration(JsonNode value, String origin, String where) {
        if (value.isMissingNode() || value.isNull()) {
            return Duration.ZERO;
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        try {
            if (text.matches("\\d+d")) {
                return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.matches("\\d+h")) {
                return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.equals("0")) {
                return Duration.ZERO;
            }
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(origin, where + ".minimumSoak must be like 14d, 36h or P14D, was '" + value.asText() + "'");
        }
    }

    private static void requireKeys(JsonNode node, Set<String> allowed, String origin, String where) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw invalid(origin, where + ": unknown key '" + key + "'; allowed: " + allowed.stream().sorted().toList());
            }
        });
    }

    private static InvalidGatePolicyException invalid(String origin, String detail) {
        return new InvalidGatePolicyException(origin + ": " + detail);
    }
}
