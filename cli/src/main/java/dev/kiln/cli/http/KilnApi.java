package dev.kiln.cli.http;

import dev.kiln.cli.context.ResolvedContext;
import dev.kiln.cli.output.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one HTTP client of the CLI: a base URL per service from the context, the bearer token on every call, and
 * every refusal turned into a {@link KilnCliException} whose exit code the status decides.
 */
public class KilnApi {

    /** Answers to JSON calls come quickly; transfers have no limit because a 10 GB upload takes what it takes. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final ResolvedContext context;
    private final Supplier<HttpClient> plainHttp;
    private final Supplier<HttpClient> https;

    public KilnApi(ResolvedContext context) {
        this.context = context;
        this.plainHttp = memoize(HttpClients::plainHttp);
        this.https = memoize(HttpClients::https);
    }

    public KilnApi(ResolvedContext context, HttpClient http) {
        this.context = context;
        this.plainHttp = () -> http;
        this.https = () -> http;
    }

    /**
     * The client for a request: for http:// one without the JDK's default TLS set-up, which reads the CA
     * certificates and costs a good part of the start-up; downloads may be redirected to https (presigned S3 URLs).
     */
    private HttpClient clientFor(HttpRequest request, boolean mayRedirect) {
        return "http".equals(request.uri().getScheme()) && !mayRedirect ? plainHttp.get() : https.get();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    public String url(Service service, String path) {
        return context.baseUrl(service) + path;
    }

    public ApiResponse get(Service service, String path) {
        return call("GET", service, path, null, Map.of("Accept", "application/json"));
    }

    public ApiResponse getText(Service service, String path) {
        return call("GET", service, path, null, Map.of("Accept", "text/plain, */*"));
    }

    public ApiResponse head(Service service, String path) {
        return call("HEAD", service, path, null, Map.of());
    }

    public ApiResponse delete(Service service, String path) {
        return call("DELETE", service, path, null, Map.of("Accept", "application/json"));
    }

    /** A POST with a JSON body (or none); {@code idempotencyKey} makes a retry of the same create safe. */
    public ApiResponse post(Service service, String path, Object body, String idempotencyKey) {
        var headers = new java.util.HashMap<String, String>(Map.of("Accept", "application/json"));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return call("POST", service, path, body == null ? null : Json.write(body), headers);
    }

    private ApiResponse call(String method, Service service, String path, String body, Map<String, String> headers) {
        String url = url(service, path);
        URI uri = uri(url);
        Map<String, String> all = new java.util.HashMap<>(headers);
        context.token().ifPresent(token -> all.put("Authorization", "Bearer " + token));
        UrlConnectionCall.Answer answer;
        try {
            answer = UrlConnectionCall.send(uri, method, all, body, (int) CALL_TIMEOUT.toMillis());
        } catch (ConnectException | java.net.SocketTimeoutException e) {
            throw unreachable(method, uri, "connection refused or timed out");
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(method, uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (answer.status() >= 400) {
            throw Problems.toException(method, url, answer.status(), answer.headers(), answer.body());
        }
        return new ApiResponse(answer.status(), answer.headers(), answer.body());
    }

    /** A GET whose body the caller reads as a stream (downloads, logs) and must close. */
    public HttpResponse<InputStream> stream(Service service, String path, Map<String, String> headers) {
        HttpResponse<InputStream> response = send(request(service, path, headers).GET().build(),
                BodyHandlers.ofInputStream(), true);
        failOnError("GET", response);
        return response;
    }

    /** A PUT of a streamed body (the publisher reads the file as it is sent). */
    public ApiResponse put(Service service, String path, BodyPublisher body, Map<String, String> headers) {
        HttpRequest request = request(service, path, headers).PUT(body).build();
        HttpResponse<String> response = send(request, BodyHandlers.ofString(StandardCharsets.UTF_8), false);
        if (response.statusCode() >= 400) {
            throw Problems.toException("PUT", response.uri().toString(), response.statusCode(), response.headers(),
                    response.body());
        }
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    private HttpRequest.Builder request(Service service, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(url(service, path)));
        headers.forEach(request::header);
        context.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private static URI uri(String url) {
        try {
            URI uri = URI.create(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http or https URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new KilnCliException(ExitCodes.USAGE, "not a valid URL: " + url + " (" + e.getMessage() + ")");
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler, boolean mayRedirect) {
        try {
            return clientFor(request, mayRedirect).send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable(request, "connection refused or timed out");
        } catch (IOException e) {
            throw unreachable(request, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnCliException(ExitCodes.FAILED, "interrupted");
        }
    }

    private static KilnCliException unreachable(HttpRequest request, String why) {
        return unreachable(request.method(), request.uri(), why);
    }

    private static KilnCliException unreachable(String method, URI uri, String why) {
        return new KilnCliException(ExitCodes.UNREACHABLE, "cannot reach " + method + " " + uri + ": " + why);
    }

    private static void failOnError(String method, HttpResponse<InputStream> response) {
        if (response.statusCode() < 400) {
            return;
        }
        String body;
        try (InputStream in = response.body()) {
            // a problem document is small; never read more than 64 KiB of an error
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        throw Problems.toException(method, response.uri().toString(), response.statusCode(), response.headers(), body);
    }
}
