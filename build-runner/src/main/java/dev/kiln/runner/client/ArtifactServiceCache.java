package dev.kiln.runner.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.artifact.ArtifactServiceClient;
import dev.kiln.clients.artifact.CacheEntry;
import dev.kiln.runner.domain.port.ArtifactCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@link ArtifactCache} over the shared artifact-service client, which carries the token, the encoding of paths and
 * the retries (reads retried, an upload not: its stream is spent and the caller retries with a fresh one).
 */
@ApplicationScoped
public class ArtifactServiceCache implements ArtifactCache {

    private final ArtifactServiceClient artifacts;

    public ArtifactServiceCache(ArtifactServiceClient artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public boolean exists(String path) {
        try {
            return artifacts.cacheFileExists(path);
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    @Override
    public List<String> list(String dir) {
        try {
            return artifacts.listCacheDirectory(dir).stream().map(CacheEntry::name).map(ArtifactServiceCache::withoutSlash)
                    .toList();
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    @Override
    public void upload(String path, InputStream content) {
        try {
            artifacts.putCacheFile(path, content);
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    @Override
    public Optional<InputStream> open(String path) {
        try {
            return artifacts.openCacheFile(path);
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    /** A listing may name a directory with a trailing '/'; the port's names never carry one. */
    private static String withoutSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
