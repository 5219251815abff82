package dev.kiln.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One small request and its whole answer through {@link HttpURLConnection}. The JSON calls of a command use it rather
 * than {@code java.net.http.HttpClient}, whose construction (selector thread, executor, TLS parameters and security
 * providers even for http://) cost more CPU than the rest of {@code kiln version parse} after picocli.
 */
final class UrlConnectionCall {

    private UrlConnectionCall() {
    }

    /** The answer; the caller maps a status of 400 or more to a problem. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    static Answer send(URI uri, String method, Map<String, String> headers, String body, int timeoutMillis)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout(Math.min(timeoutMillis, 5_000));
            connection.setReadTimeout(timeoutMillis);
            connection.setUseCaches(false);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                // not streaming mode: in it, a 401 or 407 answer throws HttpRetryException and loses the problem
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            } else if ("POST".equals(method)) {
                // an empty POST still says so, as HttpClient's noBody() did
                connection.setDoOutput(true);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            return new Answer(status, headersOf(connection), "HEAD".equals(method) ? "" : read(connection, status));
        } finally {
            connection.disconnect();
        }
    }

    private static String read(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            // a problem document is small; never read more than 64 KiB of an error
            return in == null ? "" : new String(status >= 400 ? in.readNBytes(64 * 1024) : in.readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }

    private static HttpHeaders headersOf(HttpURLConnection connection) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {  // the status line comes under the null key
                headers.put(name, values);
            }
        });
        return HttpHeaders.of(headers, (name, value) -> true);
    }
}
