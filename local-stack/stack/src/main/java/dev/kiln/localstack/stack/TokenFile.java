package dev.kiln.localstack.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** An API token in a file: created once per data directory (mode 600) and reused on every start. */
final class TokenFile {

    private TokenFile() {
    }

    /** The token in {@code file}, made as {@code <prefix>-<64 hex digits>} if there is none yet. */
    static String ensure(Path file, String prefix) throws IOException {
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = prefix + "-" + HexFormat.of().formatHex(secret);
        Files.createDirectories(file.getParent());
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return token;
    }
}
