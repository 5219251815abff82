package dev.kiln.localstack.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a release walk on one machine needs besides the services: a demo gate policy (no soak, one approval),
 * and distinct people to act as, each with a token in {@code <data dir>/tokens/<name>.token}: two release
 * managers with role {@code releaser} (a promotion's requester cannot approve it alone) and a test system with
 * role {@code tester}. The services learn the identities from {@code <service dir>/config/application.properties},
 * which Quarkus reads from its working directory (mode 600, like the tokens: never on a command line).
 */
final class DemoRelease {

    /** Demo identity -> its role. */
    static final Map<String, String> IDENTITIES = identities();

    private DemoRelease() {
    }

    static Path policyFile(Path dataDir) {
        return dataDir.resolve("release-policy.yaml");
    }

    static Path tokenFile(Path dataDir, String identity) {
        return dataDir.resolve("tokens").resolve(identity + ".token");
    }

    /** Writes what is missing; a second start keeps the policy a user edited and every token. */
    static void prepare(Path dataDir) throws IOException {
        if (!Files.exists(policyFile(dataDir))) {
            try (InputStream policy = DemoRelease.class.getResourceAsStream("/demo-release-policy.yaml")) {
                Files.write(policyFile(dataDir), policy.readAllBytes());
            }
        }
        StringBuilder callers = new StringBuilder("# The local stack's demo identities (tokens in ../tokens/)\n");
        for (Map.Entry<String, String> identity : IDENTITIES.entrySet()) {
            String token = TokenFile.ensure(tokenFile(dataDir, identity.getKey()), "kiln-" + identity.getKey());
            callers.append("kiln.security.callers.").append(identity.getKey()).append(".token=").append(token).append('\n')
                    .append("kiln.security.callers.").append(identity.getKey()).append(".roles=")
                    .append(identity.getValue()).append('\n');
        }
        for (Component service : Component.values()) {
            if (service == Component.CONSOLE) {
                continue; // it judges no token: the services do, on each call it makes as its user
            }
            Path config = dataDir.resolve(service.id()).resolve("config/application.properties");
            Files.createDirectories(config.getParent());
            Files.writeString(config, callers, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Map<String, String> identities() {
        Map<String, String> identities = new LinkedHashMap<>();
        identities.put("release-manager-1", "releaser");
        identities.put("release-manager-2", "releaser");
        identities.put("test-system", "tester");
        return java.util.Collections.unmodifiableMap(identities);
    }
}
