package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.port.RunHandle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic Job names {@code kiln-<build>-<step>[-<arch>][-<vendor>]-<attempt>}: lower case, '_' as '-',
 * a DNS-1123 label of at most 63 characters. A longer name keeps its start and its attempt and puts 8 hex
 * characters of a SHA-256 of the full name between them, so names stay unique and stable.
 */
public final class JobNames {

    public static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 8;

    private JobNames() {
    }

    public static String of(RunHandle handle) {
        String body = sanitize("kiln-" + handle.buildId() + "-" + handle.runKey());
        String suffix = "-" + handle.attempt();
        if (body.length() + suffix.length() <= MAX_LENGTH) {
            return body + suffix;
        }
        String hash = "-" + hash(body);
        String head = body.substring(0, MAX_LENGTH - suffix.length() - hash.length());
        return trimDashes(head) + hash + suffix;
    }

    private static String sanitize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-{2,}", "-");
        return trimDashes(lower);
    }

    private static String trimDashes(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '-') {
            end--;
        }
        return name.substring(0, end);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
