package dev.kiln.cli.context;

import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads what {@code ./kiln-local up} leaves in its data directory: {@code stack.env} and {@code admin.token}. */
public final class LocalStackFile {

    private LocalStackFile() {
    }

    public static ContextSettings read(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path stackEnv = dir.resolve("stack.env");
        Map<String, String> variables = new HashMap<>();
        try {
            for (String line : Files.readAllLines(stackEnv)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    variables.put(line.substring(0, eq).trim(), line.substring(eq + 1).replace("\"", "").trim());
                }
            }
        } catch (IOException e) {
            throw new KilnCliException(ExitCodes.USAGE,
                    "no local stack in " + dir + " (no " + stackEnv.getFileName() + "; start it with ./kiln-local up)");
        }
        return new ContextSettings(variables.get(Service.VERSION_SERVICE.stackEnvVariable()),
                variables.get(Service.BUILD_RUNNER.stackEnvVariable()),
                variables.get(Service.ARTIFACT_SERVICE.stackEnvVariable()),
                variables.get(Service.RELEASE_SERVICE.stackEnvVariable()),
                dir.resolve("admin.token").toString());
    }
}
