package dev.kiln.artifact.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Streams bodies to and from the service with the JDK client (RestAssured would buffer them). */
public final class CacheHttp {

    public static final String BUILDER_TOKEN = "test-builder-token";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public CacheHttp(URI base) {
        this.base = base;
    }

    /** PUTs {@code length} bytes from {@code body} (length -1: chunked) with the builder token. */
    public HttpResponse<String> put(String path, Supplier<InputStream> body, long length, String... headers) {
        HttpRequest.BodyPublisher publisher = length < 0 ? HttpRequest.BodyPublishers.ofInputStream(body)
                : length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("cache/" + path)).PUT(publisher)
                .header("Authorization", "Bearer " + BUILDER_TOKEN).timeout(Duration.ofMinutes(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} and returns status, length and sha256 of the body, streamed. */
    public Download download(String path) {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve("cache/" + path))
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                total += n;
            }
            return new Download(response.statusCode(), total, HexFormat.of().formatHex(digest.digest()),
                    response.headers().firstValue("Content-Length").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, bytes received, sha256 of the bytes and the Content-Length header of a download. */
    public record Download(int status, long size, String sha256, String contentLength) {
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
