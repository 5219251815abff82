package dev.kiln.release.service;

import java.security.SecureRandom;

/** Ids of release requests: {@code pr-} and ten random lower-case letters and digits ({@code pr-7h3k9w2m4q}). */
final class RequestIds {

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder("pr-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
