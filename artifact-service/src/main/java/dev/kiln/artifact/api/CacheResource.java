package dev.kiln.artifact.api;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.ObjectChangedException;
import dev.kiln.artifact.domain.ObjectInfo;
import dev.kiln.artifact.domain.UploadRequest;
import dev.kiln.artifact.domain.UploadResult;
import dev.kiln.artifact.service.ArtifactUploads;
import dev.kiln.artifact.service.CacheReader;
import dev.kiln.artifact.service.ChannelReads;
import dev.kiln.artifact.security.StepScope;
import dev.kiln.flatcar.Channel;
import dev.kiln.common.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The build cache as Flatcar's scripts use it: {@code GET}/{@code HEAD} of files (with ranges and
 * validators) and directory listings, public; streaming {@code PUT} of files for the builder role, or for a step
 * token under its own prefixes.
 */
@Path("/cache")
@Tag(name = "cache", description = "Flatcar-compatible build cache")
public class CacheResource {

    static final String PREFIX = "/cache/";
    public static final String EXPECTED_SHA256 = "X-Kiln-SHA256";
    /** Stat-then-open attempts of a read whose file is replaced between the two. */
    private static final int MAX_READ_ATTEMPTS = 5;

    private final ArtifactUploads uploads;
    private final CacheReader reader;
    private final CacheResponses responses;
    private final CacheMetrics metrics;
    private final ChannelReads channels;
    private final StepScope stepScope;

    public CacheResource(ArtifactUploads uploads, CacheReader reader, ArtifactConfig config, CacheMetrics metrics,
            ChannelReads channels, StepScope stepScope) {
        this.channels = channels;
        this.stepScope = stepScope;
        this.uploads = uploads;
        this.reader = reader;
        this.responses = new CacheResponses(reader, config.download(), metrics);
        this.metrics = metrics;
    }

    @GET
    @Path("{path: .*}")
    @Operation(summary = "Downloads a file (Range, If-None-Match, If-Modified-Since, If-Range) or lists a directory "
            + "(HTML, or nginx-style JSON with Accept: application/json)")
    public Response get(@Context HttpServerRequest request, @Context HttpHeaders headers) {
        return read(request, headers, true);
    }

    @HEAD
    @Path("{path: .*}")
    @Operation(summary = "The headers a GET would answer with, without the body")
    public Response head(@Context HttpServerRequest request, @Context HttpHeaders headers) {
        return read(request, headers, false);
    }

    @PUT
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.BUILDER, StepScope.ROLE})
    @Operation(summary = "Stores a file, streamed; invisible until complete and verified against X-Kiln-SHA256. "
            + "A step token may only write under its prefixes while it is live (else 403 outside-step-token-scope, "
            + "step-token-revoked, step-token-expired)")
    @APIResponse(responseCode = "201", description = "Stored (created or replaced), indexed and announced (artifact.stored)")
    @APIResponse(responseCode = "200", description = "The path already held these very bytes (same size, digests and "
            + "content type): nothing was written and no event sent")
    public Response put(InputStream body, @Context HttpServerRequest request, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        CachePath path = RequestPaths.after(PREFIX, request.path());
        if (path.isDirectory()) {
            throw new ArtifactException(ArtifactException.Reason.INVALID_PATH,
                    "'" + path + "' names a directory; PUT a file path (no trailing '/')");
        }
        stepScope.checkWrite(path);
        if (path.segments().size() > 1 && Channel.ofId(path.segments().getFirst()).isPresent()) {
            throw new ArtifactException(ArtifactException.Reason.CONFLICT, "channel-directory", "'" + path
                    + "' lies in a channel directory, which only /api/v1/channels and /api/v1/channel-files write", null);
        }
        UploadResult result = upload(new UploadRequest(path, body, declaredLength(headers),
                headers.getHeaderString(EXPECTED_SHA256), headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                security.getUserPrincipal().getName()));
        UploadResponse answer = new UploadResponse(path.value(), result.digests().size(), result.digests().sha256());
        Response.ResponseBuilder response = result.outcome() == UploadResult.Outcome.UNCHANGED ? Response.ok(answer)
                : Response.created(URI.create(PREFIX + path.value())).entity(answer);
        return response.type(MediaType.APPLICATION_JSON).build();
    }

    private UploadResult upload(UploadRequest request) {
        try {
            UploadResult result = uploads.upload(request);
            metrics.stored(result.digests().size(), result.outcome());
            return result;
        } catch (ArtifactException e) {
            metrics.refused(e);
            throw e;
        }
    }

    private Response read(HttpServerRequest request, HttpHeaders headers, boolean withBody) {
        if (request.path().equals("/cache")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(PREFIX)).build();
        }
        CachePath requested = RequestPaths.after(PREFIX, request.path());
        // a pointer is resolved here, once: everything below reads one version's directory
        CachePath path = channels.resolve(requested);
        if (requested.isDirectory()) {
            return listing(requested, path, headers, withBody);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectInfo> info = reader.stat(path);
            if (info.isEmpty()) {
                if (reader.isDirectory(path)) {
                    return Response.status(Response.Status.MOVED_PERMANENTLY)
                            .location(URI.create(PREFIX + requested.asDirectory().value())).build();
                }
                throw new ArtifactException(ArtifactException.Reason.NOT_FOUND, "no file at '" + requested + "'");
            }
            try {
                return responses.file(path, info.get(), headers, withBody);
            } catch (ObjectChangedException e) {
                // Consistency: the headers (ETag, Content-Length, Last-Modified) come from the stat and the body is
                // pinned to that write (If-Match, then a second look once the body has begun: CacheReader.open),
                // so a response is one version, whole. A replacement meanwhile is not an outage: start over from a
                // fresh stat and serve the new version. Only a file replaced within each of these round trips
                // fails (503).
                if (attempt == MAX_READ_ATTEMPTS) {
                    throw new ArtifactException(ArtifactException.Reason.DEPENDENCY_UNAVAILABLE,
                            "object-store-unavailable", "'" + requested + "' was replaced " + attempt
                                    + " times while it was being opened; try again", e);
                }
            }
        }
    }

    private Response listing(CachePath requested, CachePath directory, HttpHeaders headers, boolean withBody) {
        DirectoryListing listing = reader.list(directory)
                .map(entries -> new DirectoryListing(PREFIX + requested.value(), requested.isRoot(),
                        channels.withPointers(requested, entries)))
                .orElseThrow(() -> new ArtifactException(ArtifactException.Reason.NOT_FOUND,
                        "no directory at '" + requested + "'"));
        boolean json = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
        String body = json ? listing.json() : listing.html();
        return Response.ok(withBody ? body : null)
                .type(json ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_LENGTH, body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    private static long declaredLength(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, "Content-Length is not a number");
        }
    }
}
