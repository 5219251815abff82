package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ApiResponse;
import dev.kiln.cli.http.CountingInputStream;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.ProgressBar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Streams files to and from the cache with a sha256 computed on the way: no file is ever held in memory. */
final class CacheTransfer {

    record Downloaded(long size, String sha256, boolean checked) {
    }

    private final Cli cli;

    CacheTransfer(Cli cli) {
        this.cli = cli;
    }

    ApiResponse upload(Path file, String relative) {
        long size;
        String sha256;
        try {
            size = Files.size(file);
            // a first pass for the digest: the service wants it before the body, to refuse a corrupt upload
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
                in.transferTo(OutputStream.nullOutputStream());
                sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
        } catch (NoSuchFileException e) {
            throw new KilnCliException(ExitCodes.USAGE, "no such file: " + file);
        } catch (IOException e) {
            throw new KilnCliException(ExitCodes.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ApiResponse stored;
        try (ProgressBar bar = ProgressBar.start(cli.err(), cli.stderrTerminal(), "put " + file.getFileName(), size)) {
            var body = BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
                try {
                    return new CountingInputStream(Files.newInputStream(file), n -> ProgressBar.advance(bar, n));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }), size);
            stored = cli.api().put(Service.ARTIFACT_SERVICE, "/cache/" + relative, body, Map.of("X-Kiln-SHA256", sha256));
        }
        String answered = stored.json().path("sha256").asText(sha256);
        if (!answered.equalsIgnoreCase(sha256)) {
            throw new KilnCliException(ExitCodes.FAILED, "the service stored sha256 " + answered + ", " + file
                    + " has " + sha256);
        }
        return stored;
    }

    /** Downloads to {@code target} (null: stdout) through a temporary file, kept only if the sha256 matches. */
    Downloaded download(String relative, Path target) {
        String expected = indexedSha256(relative);
        HttpResponse<InputStream> response = cli.api().stream(Service.ARTIFACT_SERVICE, "/cache/" + relative, Map.of());
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path partial = target == null ? null : target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        long[] size = {0};
        String sha256;
        try (ProgressBar bar = ProgressBar.start(cli.err(), cli.stderrTerminal(), "get " + CachePaths.fileName(relative),
                total);
             DigestInputStream in = new DigestInputStream(new CountingInputStream(response.body(), n -> {
                 size[0] += n;
                 ProgressBar.advance(bar, n);
             }), sha256())) {
            if (partial == null) {
                cli.out().flush();
                in.transferTo(cli.stdout());
                cli.stdout().flush();
            } else {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new KilnCliException(ExitCodes.FAILED, "download of " + relative + " failed: " + e.getMessage(), e);
        }
        if (expected != null && !expected.equalsIgnoreCase(sha256)) {
            deleteQuietly(partial);
            throw new KilnCliException(ExitCodes.FAILED, "sha256 of the download is " + sha256 + ", the index says "
                    + expected + (partial == null ? "" : "; nothing written to " + target));
        }
        if (partial != null) {
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new KilnCliException(ExitCodes.FAILED, "cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        return new Downloaded(size[0], sha256, expected != null);
    }

    /** The sha256 the index holds, or null for files it does not describe (then nothing can be checked). */
    private String indexedSha256(String relative) {
        try {
            return cli.api().get(Service.ARTIFACT_SERVICE, "/api/v1/artifacts/" + relative).json()
                    .path("sha256").asText(null);
        } catch (KilnCliException e) {
            if (e.exitCode() == ExitCodes.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the error being reported matters more than a leftover .part file
            }
        }
    }
}
