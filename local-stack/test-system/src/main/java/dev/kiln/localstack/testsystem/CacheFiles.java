package dev.kiln.localstack.testsystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads from the build cache (public reads, no token). A missing file (404, or 410 for a withdrawn one) is an
 * answer the tests judge; any other failure is {@link Unavailable}, to be tried again.
 */
final class CacheFiles {

    /** A small file's text and digests. */
    record Text(String body, FileDigests digests) {
    }

    private final HttpClient http;

    CacheFiles(HttpClient http) {
        this.http = http;
    }

    Optional<Text> text(URI uri) {
        return get(uri, HttpResponse.BodyHandlers.ofByteArray())
                .map(bytes -> new Text(new String(bytes, StandardCharsets.UTF_8), Digester.of(bytes)));
    }

    /** Streams the file through the digests; its bytes are not kept. */
    Optional<FileDigests> digests(URI uri) {
        return get(uri, HttpResponse.BodyHandlers.ofInputStream()).map(in -> {
            try (InputStream body = in) {
                return Digester.of(body);
            } catch (IOException e) {
                throw new Unavailable("download of " + uri + " broke off: " + e.getMessage(), e);
            }
        });
    }

    private <T> Optional<T> get(URI uri, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<T> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(), handler);
        } catch (IOException e) {
            throw new Unavailable("cannot download " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while downloading " + uri, e);
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            close(response.body());
            return Optional.empty();
        }
        if (status != 200) {
            close(response.body());
            throw new Unavailable("GET " + uri + " answered " + status);
        }
        return Optional.of(response.body());
    }

    private static void close(Object body) {
        if (body instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the answer is known already; nothing more to read
            }
        }
    }
}
