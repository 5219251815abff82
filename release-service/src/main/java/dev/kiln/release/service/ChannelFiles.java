package dev.kiln.release.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.channel.ChannelBoard;
import dev.kiln.release.domain.channel.ChannelOperation;
import dev.kiln.release.domain.channel.ChannelStorage;
import dev.kiln.release.domain.channel.LtsStreams;
import dev.kiln.release.domain.channel.OperationStore;
import dev.kiln.release.domain.publication.FeedEntry;
import dev.kiln.release.domain.publication.PublicationRecords;
import dev.kiln.release.domain.publication.ReleasesFeed;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the channel files from the committed state: {@code releases/releases.json}, {@code <channel>/releases.json},
 * {@code lts/lts-info} and the {@code kiln-manifest.json} of each release published since the last write; then the
 * operations that waited for them are done. Derived from the database each time, so writing again is always right;
 * one writer at a time (a row lock), so an older feed can never be written last.
 */
@ApplicationScoped
public class ChannelFiles {

    public static final String JSON = "application/json";

    private final OperationStore operations;
    private final PublicationRecords records;
    private final BoardStore boards;
    private final ReleaseStore releases;
    private final Manifests manifests;
    private final ChannelStorage storage;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public ChannelFiles(OperationStore operations, PublicationRecords records, BoardStore boards, ReleaseStore releases,
            Manifests manifests, ChannelStorage storage, EntityManager em, ObjectMapper json, Clock clock) {
        this.operations = operations;
        this.records = records;
        this.boards = boards;
        this.releases = releases;
        this.manifests = manifests;
        this.storage = storage;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the files when some committed operation waits for them; returns how many operations became done. */
    @Transactional
    public int write() {
        em.createNativeQuery("select id from channel_files_lock where id = 1 for update").getResultList();
        List<ChannelOperation> waiting = operations.committed();
        if (waiting.isEmpty()) {
            return 0;
        }
        List<FeedEntry> feed = records.feed();
        storage.putFile("releases/releases.json", JSON, bytes(ReleasesFeed.all(feed)));
        for (Channel channel : Channel.values()) {
            storage.putFile(channel.id() + "/releases.json", JSON, bytes(ReleasesFeed.channel(channel, feed, current(channel))));
        }
        Map<Integer, Integer> years = records.ltsYears();
        if (!years.isEmpty()) {
            storage.putFile("lts/lts-info", "text/plain", LtsStreams.info(years).getBytes(StandardCharsets.UTF_8));
        }
        for (ChannelOperation op : waiting) {
            if (op.kind() == ChannelOperation.Kind.PUBLISH) {
                writeManifest(op.channel(), op.version().orElseThrow());
            }
        }
        waiting.forEach(op -> operations.moveTo(op.id(), ChannelOperation.State.DONE, null, clock.instant()));
        return waiting.size();
    }

    private void writeManifest(Channel channel, Version version) {
        releases.find(version).filter(r -> r.state().wasPublished()).ifPresent(release -> {
            byte[] body = bytes(manifests.of(release));
            for (String arch : release.arches()) {
                storage.putFile(CacheAreas.channelVersionDir(channel, arch, version) + "kiln-manifest.json", JSON, body);
            }
        });
    }

    /** The release of the feed's {@code current} key: amd64's current, else the newest current of any arch. */
    private Optional<Version> current(Channel channel) {
        ChannelBoard board = boards.load(channel);
        return board.current("amd64").or(() -> ChannelOperations.currentArches(board).stream().map(board::current)
                .flatMap(Optional::stream).max(Comparator.comparing(v -> v, Version.BY_NUMBER)));
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
