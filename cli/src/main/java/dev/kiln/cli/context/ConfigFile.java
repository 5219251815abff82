package dev.kiln.cli.context;

import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.output.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Reads and writes the config file. It is written as indented JSON because reading JSON costs a fraction of what
 * YAML costs at start-up, and every command reads it; a file someone wrote in YAML is read as well.
 */
public final class ConfigFile {

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /** {@code $KILN_CONFIG}, else {@code ~/.kiln/config}. */
    public static Path locate(Map<String, String> env) {
        String configured = env.get("KILN_CONFIG");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".kiln", "config");
    }

    public Path path() {
        return path;
    }

    public KilnConfig load() {
        if (!Files.exists(path)) {
            return KilnConfig.empty();
        }
        try {
            String text = Files.readString(path);
            if (text.isBlank()) {
                return KilnConfig.empty();
            }
            var document = text.strip().startsWith("{") ? Json.readTree(text) : Json.yaml().readTree(text);
            return document == null || !document.isObject() ? KilnConfig.empty() : ConfigJson.read(document);
        } catch (IOException e) {
            throw new KilnCliException(ExitCodes.USAGE, "cannot read config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes through a temporary file and a rename, so a crash never leaves half a config. */
    public void save(KilnConfig config) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".config", ".tmp");
            Files.writeString(temporary, Json.writePretty(ConfigJson.write(config)) + "\n");
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KilnCliException(ExitCodes.FAILED, "cannot write config file " + path + ": " + e.getMessage(), e);
        }
    }
}
