package dev.kiln.artifact.api;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.ObjectInfo;
import dev.kiln.artifact.service.CacheReader;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The response to a GET or HEAD of a file: validators ({@code ETag}, {@code Last-Modified}), conditional
 * requests (304), ranges (206, 416) and either a presigned redirect or the bytes streamed from the store.
 */
final class CacheResponses {

    private static final int COPY_CHUNK = 256 * 1024;

    private final CacheReader reader;
    private final ArtifactConfig.Download download;
    private final CacheMetrics metrics;

    CacheResponses(CacheReader reader, ArtifactConfig.Download download, CacheMetrics metrics) {
        this.reader = reader;
        this.download = download;
        this.metrics = metrics;
    }

    Response file(CachePath path, ObjectInfo info, HttpHeaders request, boolean withBody) {
        String etag = "\"" + info.etag() + "\"";
        Instant modified = info.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (notModified(request, etag, modified)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.LAST_MODIFIED, HttpDates.format(modified)).build();
        }
        ByteRange range = rangeFor(request, etag, modified, info.size());
        if (range instanceof ByteRange.Unsatisfiable unsatisfiable) {
            return Response.status(416).header("Content-Range", unsatisfiable.contentRange())
                    .header("Accept-Ranges", "bytes").build();
        }
        if (withBody && download.presignedRedirect() && info.size() >= download.presignedMinSize().asLongValue()) {
            Optional<java.net.URI> url = reader.presignedGet(path, download.presignedExpiry());
            if (url.isPresent()) {
                return Response.temporaryRedirect(url.get()).build();
            }
        }
        Response.ResponseBuilder out = range instanceof ByteRange.Partial partial
                ? Response.status(206).header("Content-Range", partial.contentRange())
                        .header(HttpHeaders.CONTENT_LENGTH, partial.length())
                : Response.ok().header(HttpHeaders.CONTENT_LENGTH, info.size());
        out.type(info.contentType()).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, HttpDates.format(modified)).header("Accept-Ranges", "bytes");
        if (withBody) {
            out.entity(stream(range instanceof ByteRange.Partial partial ? reader.open(info, partial.first(),
                    partial.length()) : reader.open(info, 0, -1)));
        }
        return out.build();
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
    private static boolean notModified(HttpHeaders request, String etag, Instant modified) {
        String noneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null) {
            return noneMatch.trim().equals("*")
                    || Arrays.stream(noneMatch.split(",")).map(String::trim).map(CacheResponses::weakless)
                            .anyMatch(etag::equals);
        }
        return HttpDates.parse(request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE))
                .map(since -> !modified.isAfter(since)).orElse(false);
    }

    /** A Range applies unless If-Range names another version of the object (then the whole object is sent). */
    private static ByteRange rangeFor(HttpHeaders request, String etag, Instant modified, long size) {
        String ifRange = request.getHeaderString("If-Range");
        if (ifRange != null) {
            String condition = ifRange.trim();
            boolean current = condition.startsWith("\"") ? condition.equals(etag)
                    : HttpDates.parse(condition).map(modified::equals).orElse(false);
            if (!current) {
                return new ByteRange.Whole();
            }
        }
        return ByteRange.parse(request.getHeaderString("Range"), size);
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private StreamingOutput stream(InputStream in) {
        return out -> metrics.downloaded(copy(in, out));
    }

    /**
     * Copies in writes as large as the response buffer ({@code quarkus.rest.output-buffer-size}): the store's
     * stream returns a few KiB per read, and every write to the response costs a hand-off to the event loop.
     */
    private static long copy(InputStream in, OutputStream out) throws IOException {
        long total = 0;
        try (in) {
            byte[] buffer = new byte[COPY_CHUNK];
            int filled;
            do {
                filled = 0;
                int read;
                while (filled < buffer.length && (read = in.read(buffer, filled, buffer.length - filled)) >= 0) {
                    filled += read;
                }
                if (filled > 0) {
                    out.write(buffer, 0, filled);
                    total += filled;
                }
            } while (filled == buffer.length);
        }
        return total;
    }
}
