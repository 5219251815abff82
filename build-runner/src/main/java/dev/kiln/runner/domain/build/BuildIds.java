package dev.kiln.runner.domain.build;

import java.util.random.RandomGenerator;

/**
 * Build ids: 10 characters, a letter then letters and digits, short enough that a Job name
 * {@code kiln-<build>-<step>-<arch>-<vendor>-<attempt>} usually fits 63 characters without hashing.
 */
public final class BuildIds {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALPHABET = LETTERS + "0123456789";
    private static final int LENGTH = 10;

    private BuildIds() {
    }

    public static String next(RandomGenerator random) {
        StringBuilder id = new StringBuilder(LENGTH);
        id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        while (id.length() < LENGTH) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static boolean isValid(String id) {
        return id != null && id.matches("[a-z][a-z0-9]{" + (LENGTH - 1) + "}");
    }
}
