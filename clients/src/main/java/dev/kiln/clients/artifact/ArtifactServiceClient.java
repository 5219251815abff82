package dev.kiln.clients.artifact;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.ServiceCalls;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one client of artifact-service every Kiln service uses (channel publishing, step tokens, the build cache): the
 * service token on every call, transient failures retried by the shared policy (every call here is idempotent, so a
 * retry is safe; only a cache upload is not retried, its stream being spent), and failures as
 * {@link ServiceCallException}s carrying the problem type artifact-service answered with ({@code version-withdrawn},
 * {@code version-not-in-channel}, {@code nothing-to-publish}, ...). A 404 of a cache read is an answer (absent).
 */
@ApplicationScoped
public class ArtifactServiceClient {

    private final ArtifactServiceApi api;
    private final ServiceCalls calls = new ServiceCalls("artifact-service");

    public ArtifactServiceClient(@RestClient ArtifactServiceApi api) {
        this.api = api;
    }

    /** Copies {@code images/<arch>/<version>/} to {@code <channel>/<arch>-usr/<version>/} inside the object store. */
    public ChannelCopy copyToChannel(Channel channel, String arch, Version version) {
        return calls.call("PUT " + channelPath(channel, arch) + "/versions/" + version,
                () -> api.copyToChannel(channel.id(), arch, version.plusForm()));
    }

    /** Points {@code <channel>/<arch>-usr/<name>/} ({@code current}, {@code current-2024}) at {@code version}. */
    public void movePointer(Channel channel, String arch, String name, Version version) {
        calls.call("PUT " + channelPath(channel, arch) + "/pointers/" + name,
                () -> api.movePointer(channel.id(), arch, name, new MovePointerRequest(version.plusForm())));
    }

    /** Removes a pointer; one that is already gone counts as removed. */
    public void removePointer(Channel channel, String arch, String name) {
        calls.call("DELETE " + channelPath(channel, arch) + "/pointers/" + name, () -> {
            api.removePointer(channel.id(), arch, name).close();
            return null;
        });
    }

    /** The pointers of {@code <channel>/<arch>-usr/}. */
    public List<ChannelPointer> pointers(Channel channel, String arch) {
        return calls.call("GET " + channelPath(channel, arch) + "/pointers", () -> api.pointers(channel.id(), arch));
    }

    /** From now on every read under {@code <channel>/<arch>-usr/<version>/} answers 410; a repeat is a no-op. */
    public void withdraw(Channel channel, String arch, Version version, String reason) {
        calls.call("POST " + channelPath(channel, arch) + "/versions/" + version + "/withdrawal",
                () -> api.withdraw(channel.id(), arch, version.plusForm(), new WithdrawalRequest(reason)));
    }

    /**
     * Stores one of the files a release writes beside the images: {@code releases/releases.json},
     * {@code <channel>/releases.json}, {@code lts/lts-info} or {@code <channel>/<arch>-usr/<version>/kiln-manifest.json}.
     */
    public void putChannelFile(String path, String contentType, byte[] body) {
        calls.call("PUT /api/v1/channel-files/" + path, () -> {
            api.putChannelFile(CachePathEncoding.encode(path), contentType, body).close();
            return null;
        });
    }

    /** {@code GET /cache/<path>}: the file's bytes, empty when there is none. */
    public Optional<byte[]> readCacheFile(String path) {
        return calls.find("GET /cache/" + path, () -> api.readCacheFile(CachePathEncoding.encode(path)));
    }

    /** {@code HEAD /cache/<path>}: whether a file is there. */
    public boolean cacheFileExists(String path) {
        Optional<Response> head = calls.find("HEAD /cache/" + path, () -> api.headCacheFile(CachePathEncoding.encode(path)));
        head.ifPresent(Response::close);
        return head.filter(response -> response.getStatus() / 100 == 2).isPresent();
    }

    /** {@code GET /cache/<dir>/} as JSON: the entries directly under {@code dir}, empty when there is no such directory. */
    public List<CacheEntry> listCacheDirectory(String dir) {
        String path = dir.isEmpty() || dir.endsWith("/") ? dir : dir + "/";
        return calls.find("GET /cache/" + path, () -> api.listCacheDirectory(CachePathEncoding.encode(path)))
                .orElse(List.of());
    }

    /** {@code GET /cache/<path>} streamed: the open body (the caller closes it), empty when there is no file. */
    public Optional<InputStream> openCacheFile(String path) {
        return calls.find("GET /cache/" + path, () -> api.openCacheFile(CachePathEncoding.encode(path)));
    }

    /**
     * {@code PUT /cache/<path>}, streaming {@code content} to its end. Any 2xx is stored: 201 for new content, 200 when
     * the path already held these bytes. Called once, never retried here: the stream is spent, the caller retries
     * with a fresh one.
     */
    public void putCacheFile(String path, InputStream content) {
        String what = "PUT /cache/" + path;
        Response response;
        try {
            response = api.putCacheFile(CachePathEncoding.encode(path), content);
        } catch (RuntimeException e) {
            throw calls.failure(what, e);
        }
        try (response) {
            if (response.getStatus() / 100 != 2) {
                throw calls.failure(what, new WebApplicationException(response));
            }
        }
    }

    /**
     * A step token for build {@code buildId}'s steps: it may write only under {@code prefixes} (cache directories)
     * and only until {@code expiresAt}. A retry after a lost answer issues a second token; the first is never handed
     * to anyone and goes with the build's revocation or its expiry.
     */
    public StepToken issueStepToken(String buildId, List<String> prefixes, Instant expiresAt) {
        return calls.call("POST /api/v1/step-tokens for build " + buildId,
                () -> api.issueStepToken(new IssueStepTokenRequest(buildId, prefixes, expiresAt)));
    }

    /** Revokes every step token of the build; a repeat revokes nothing and succeeds. */
    public int revokeStepTokens(String buildId) {
        return calls.call("DELETE /api/v1/step-tokens/builds/" + buildId, () -> api.revokeStepTokens(buildId)).revoked();
    }

    /** Builds that hold a step token that is neither revoked nor expired. */
    public List<String> buildsWithLiveStepTokens() {
        return calls.call("GET /api/v1/step-tokens/live-builds", api::buildsWithLiveStepTokens);
    }

    private static String channelPath(Channel channel, String arch) {
        return "/api/v1/channels/" + channel.id() + "/" + arch;
    }
}
