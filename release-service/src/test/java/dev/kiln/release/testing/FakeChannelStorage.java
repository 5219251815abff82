package dev.kiln.release.testing;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.ChannelStorage;
import dev.kiln.release.domain.channel.ChannelStorageException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * artifact-service's channel publishing as contract 1 describes it, in memory: copies (refused when the images
 * directory is empty or the version withdrawn), pointers (refused before the copy), withdrawals (refused while a
 * pointer names the version), channel files. A test can make one kind of call fail, as an outage or a refusal.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeChannelStorage implements ChannelStorage {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Version> pointers = new ConcurrentHashMap<>();
    private final Set<String> copied = ConcurrentHashMap.newKeySet();
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ChannelStorageException> failing = new ConcurrentHashMap<>();

    /** Puts a file under {@code images/<arch>/<V>/}, as build-runner's uploads would. */
    public void image(String arch, String version, String name, String content) {
        files.put(CacheAreas.imagesDir(arch, Version.parse(version)) + name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Every call named {@code method} (copy, movePointer, removePointer, withdraw, putFile, readFile) fails from now on. */
    public void outage(String method) {
        failing.put(method, new ChannelStorageException(null, "artifact-service: connection refused", true, null));
    }

    public void refuse(String method, String slug) {
        failing.put(method, new ChannelStorageException(slug, "artifact-service answered 4xx " + slug, false, null));
    }

    public void heal() {
        failing.clear();
    }

    public Optional<Version> pointer(String channel, String arch, String name) {
        return Optional.ofNullable(pointers.get(channel + "/" + arch + "/" + name));
    }

    public Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public boolean isWithdrawn(String channel, String arch, String version) {
        return withdrawn.contains(channel + "/" + arch + "/" + version);
    }

    /** How many times a call was made, e.g. {@code copy stable/amd64/4593.2.5}. */
    public long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    @Override
    public List<StoredFile> copy(Channel channel, String arch, Version version) {
        String key = channel.id() + "/" + arch + "/" + version;
        enter("copy", key);
        if (withdrawn.contains(key)) {
            throw new ChannelStorageException("version-withdrawn", key + " is withdrawn", false, null);
        }
        String source = CacheAreas.imagesDir(arch, version);
        List<StoredFile> out = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(source)) {
                out.add(new StoredFile(path.substring(source.length()), bytes.length, sha256(bytes)));
            }
        });
        if (out.isEmpty()) {
            // what a build leaves at least: its version.txt
            byte[] versionTxt = ("FLATCAR_VERSION=" + version + "\n").getBytes(StandardCharsets.UTF_8);
            out.add(new StoredFile("version.txt", versionTxt.length, sha256(versionTxt)));
        }
        copied.add(key);
        out.sort(java.util.Comparator.comparing(StoredFile::name));
        return out;
    }

    @Override
    public void movePointer(Channel channel, String arch, String name, Version version) {
        String key = channel.id() + "/" + arch + "/" + version;
        enter("movePointer", channel.id() + "/" + arch + "/" + name + "=" + version);
        if (!copied.contains(key)) {
            throw new ChannelStorageException("version-not-in-channel", key + " was not copied", false, null);
        }
        pointers.put(channel.id() + "/" + arch + "/" + name, version);
    }

    @Override
    public void removePointer(Channel channel, String arch, String name) {
        enter("removePointer", channel.id() + "/" + arch + "/" + name);
        pointers.remove(channel.id() + "/" + arch + "/" + name);
    }

    @Override
    public void withdraw(Channel channel, String arch, Version version, String reason) {
        String key = channel.id() + "/" + arch + "/" + version;
        enter("withdraw", key);
        if (pointers.entrySet().stream().anyMatch(e -> e.getKey().startsWith(channel.id() + "/" + arch + "/")
                && e.getValue().equals(version))) {
            throw new ChannelStorageException("version-is-current", key + " is still named by a pointer", false, null);
        }
        withdrawn.add(key);
    }

    @Override
    public void putFile(String path, String contentType, byte[] body) {
        enter("putFile", path);
        files.put(path, body.clone());
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        enter("readFile", path);
        return Optional.ofNullable(files.get(path));
    }

    private void enter(String method, String what) {
        calls.add(method + " " + what);
        ChannelStorageException failure = failing.get(method);
        if (failure != null) {
            throw failure;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
