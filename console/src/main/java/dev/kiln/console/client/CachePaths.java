package dev.kiln.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A cache path as it goes into a request path: each segment percent-encoded, the slashes between them kept. */
public final class CachePaths {

    private CachePaths() {
    }

    /** {@code images/amd64/4907.0.0+dev/} becomes {@code images/amd64/4907.0.0%2Bdev/}. */
    public static String encode(String path) {
        return Arrays.stream(path.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
