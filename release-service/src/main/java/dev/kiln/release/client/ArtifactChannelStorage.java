package dev.kiln.release.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.artifact.ArtifactServiceClient;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.ChannelStorage;
import dev.kiln.release.domain.channel.ChannelStorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The channel storage is artifact-service's channel publishing (contract 1), through the shared client. A refusal
 * (a 4xx other than 408/429) keeps artifact-service's problem slug and is final; anything else may pass.
 */
@ApplicationScoped
public class ArtifactChannelStorage implements ChannelStorage {

    private final ArtifactServiceClient artifacts;

    public ArtifactChannelStorage(ArtifactServiceClient artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public List<StoredFile> copy(Channel channel, String arch, Version version) {
        return call(() -> artifacts.copyToChannel(channel, arch, version).files().stream()
                .map(f -> new StoredFile(f.name(), f.size(), f.sha256())).toList());
    }

    @Override
    public void movePointer(Channel channel, String arch, String name, Version version) {
        call(() -> {
            artifacts.movePointer(channel, arch, name, version);
            return null;
        });
    }

    @Override
    public void removePointer(Channel channel, String arch, String name) {
        call(() -> {
            artifacts.removePointer(channel, arch, name);
            return null;
        });
    }

    @Override
    public void withdraw(Channel channel, String arch, Version version, String reason) {
        call(() -> {
            artifacts.withdraw(channel, arch, version, reason);
            return null;
        });
    }

    @Override
    public void putFile(String path, String contentType, byte[] body) {
        call(() -> {
            artifacts.putChannelFile(path, contentType, body);
            return null;
        });
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        return call(() -> artifacts.readCacheFile(path));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceCallException e) {
            throw new ChannelStorageException(e.problemType().orElse("channel-storage-refused"), e.getMessage(), !e.permanent(), e);
        }
    }
}
