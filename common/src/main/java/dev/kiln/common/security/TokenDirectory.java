package dev.kiln.common.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves a presented bearer token to its caller, comparing tokens in constant time. */
@ApplicationScoped
public class TokenDirectory {

    /** A known caller. */
    public record KnownCaller(String name, Set<String> roles) {
    }

    private record Entry(byte[] token, KnownCaller caller) {
    }

    private final List<Entry> entries;

    public TokenDirectory(SecurityConfig config) {
        List<Entry> all = new ArrayList<>();
        config.callers().forEach((name, caller) -> all.add(new Entry(caller.token().getBytes(UTF_8),
                new KnownCaller(name, Set.copyOf(caller.roles())))));
        config.adminTokenFile().flatMap(TokenDirectory::readToken).ifPresent(token -> all.add(new Entry(
                token.getBytes(UTF_8), new KnownCaller("admin", Set.of(Roles.ADMIN, Roles.BUILDER, Roles.RELEASER)))));
        this.entries = List.copyOf(all);
    }

    public Optional<KnownCaller> resolve(String presented) {
        byte[] candidate = presented.getBytes(UTF_8);
        KnownCaller match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.token(), candidate)) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    private static Optional<String> readToken(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(file, UTF_8).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read admin token file " + file, e);
        }
    }
}
