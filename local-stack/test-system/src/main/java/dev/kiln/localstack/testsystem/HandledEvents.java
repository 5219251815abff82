package dev.kiln.localstack.testsystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code ce_id}s of the candidates already tested and reported, one per line in a file that is synced to disk
 * before the Kafka offset is committed. Kafka delivers at least once: after a crash or a rebalance the same
 * candidate event comes again, and this set keeps it from being tested twice, also across restarts.
 */
public final class HandledEvents implements AutoCloseable {

    private final Set<String> ids = new HashSet<>();
    private final FileChannel file;

    private HandledEvents(FileChannel file) {
        this.file = file;
    }

    public static HandledEvents open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            HandledEvents handled = new HandledEvents(FileChannel.open(path, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            // a line cut short by a crash was never acknowledged: it is no id, and the next one must not extend it
            String text = Files.readString(path, StandardCharsets.UTF_8);
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            handled.file.truncate(complete.getBytes(StandardCharsets.UTF_8).length);
            complete.lines().filter(l -> !l.isBlank()).forEach(handled.ids::add);
            return handled;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    public boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** Records {@code eventId} durably; returns once it is on disk. */
    public void add(String eventId) {
        if (eventId.contains("\n") || eventId.contains("\r")) {
            throw new IllegalArgumentException("a ce_id with a line break cannot be recorded: " + eventId.strip());
        }
        if (!ids.add(eventId)) {
            return;
        }
        try {
            file.write(ByteBuffer.wrap((eventId + "\n").getBytes(StandardCharsets.UTF_8)));
            file.force(false);
        } catch (IOException e) {
            ids.remove(eventId);
            throw new UncheckedIOException("cannot record handled event " + eventId, e);
        }
    }

    public int size() {
        return ids.size();
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
