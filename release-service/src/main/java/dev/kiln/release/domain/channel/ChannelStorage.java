package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Optional;

/**
 * Where channels are served from (port; artifact-service behind it). Every call is idempotent, so an operation
 * interrupted anywhere is completed by doing it again. Failures are {@link ChannelStorageException}s.
 */
public interface ChannelStorage {

    /** Server-side copy of {@code images/<arch>/<V>/} to {@code <channel>/<arch>-usr/<V>/}; the files now there. */
    List<StoredFile> copy(Channel channel, String arch, Version version);

    /** Points {@code <channel>/<arch>-usr/<name>/} (current, current-YEAR) at the copied version, atomically. */
    void movePointer(Channel channel, String arch, String name, Version version);

    /** Removes the pointer; nothing when it is absent. */
    void removePointer(Channel channel, String arch, String name);

    /** From now on the channel's directory of {@code version} answers 410; refused while a pointer names it. */
    void withdraw(Channel channel, String arch, Version version, String reason);

    /** Writes one of the channel files: releases feeds, lts/lts-info, a release's kiln-manifest.json. */
    void putFile(String path, String contentType, byte[] body);

    /** A file of the cache by its path ({@code images/amd64/4593.2.5/version.txt}); empty when absent. */
    Optional<byte[]> readFile(String path);

    /** One file of a release as copied into a channel. */
    record StoredFile(String name, long size, String sha256) {
    }
}
