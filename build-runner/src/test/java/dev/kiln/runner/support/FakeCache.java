package dev.kiln.runner.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The files behind the fake artifact-service, for tests to seed and inspect. */
@ApplicationScoped
public class FakeCache {

    private final Path root;

    public FakeCache(@ConfigProperty(name = "kiln.test.fake-cache-dir") Path root) {
        this.root = root;
    }

    public Path file(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the cache: " + path);
        }
        return file;
    }

    public boolean has(String path) {
        return Files.isRegularFile(file(path));
    }

    public String read(String path) {
        try {
            return Files.readString(file(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(String path, String content) {
        try {
            Files.createDirectories(file(path).getParent());
            Files.writeString(file(path), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores {@code content} at {@code path} as artifact-service does: whole or not at all. Returns its size. */
    public long store(String path, InputStream content) throws IOException {
        Path file = file(path);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long size = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return size;
    }

    /**
     * Stores {@code content} at {@code path} unless the path already holds exactly these bytes, as artifact-service
     * does (it answers 200 then, 201 after a write). True when something was written.
     */
    public boolean storeUnlessHeld(String path, InputStream content) throws IOException {
        Path file = file(path);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        if (Files.isRegularFile(file) && Files.mismatch(partial, file) == -1) {
            Files.delete(partial);
            return false;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The entries of directory {@code path} as artifact-service lists them (sub-directories end with '/'). */
    public List<Map<String, String>> entries(String path) throws IOException {
        try (Stream<Path> entries = Files.list(file(path))) {
            return entries.map(e -> Map.of("name", e.getFileName() + (Files.isDirectory(e) ? "/" : ""))).toList();
        }
    }

    /** Every file path under {@code prefix}. */
    public List<String> list(String prefix) {
        Path dir = file(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
