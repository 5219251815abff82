package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactEvents;
import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.CacheLayout;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.StoredArtifact;
import dev.kiln.artifact.domain.channel.ChannelBoard;
import dev.kiln.artifact.domain.channel.ChannelState;
import dev.kiln.artifact.domain.channel.Pointer;
import dev.kiln.artifact.domain.channel.PointerName;
import dev.kiln.artifact.domain.channel.Withdrawal;
import dev.kiln.flatcar.Version;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes releases into channel directories: copies {@code images/<arch>/<V>/} inside the object store and
 * indexes the copies, moves pointers ({@code current}, {@code current-<YEAR>}) as database rows, and withdraws
 * versions. Pointer moves and withdrawals of one board are serialised, so no pointer ever names a withdrawn version.
 */
@ApplicationScoped
public class ChannelPublishing {

    private static final Logger LOG = Logger.getLogger(ChannelPublishing.class);

    /** One file of a copy: where it now is in the channel directory, and whether this call copied it. */
    public record CopiedFile(String name, StoredArtifact artifact, boolean copied) {
    }

    private final ObjectStore store;
    private final ArtifactIndex index;
    private final ArtifactEvents events;
    private final ChannelState state;
    private final Clock clock;

    public ChannelPublishing(ObjectStore store, ArtifactIndex index, ArtifactEvents events, ChannelState state,
            Clock clock) {
        this.store = store;
        this.index = index;
        this.events = events;
        this.state = state;
        this.clock = clock;
    }

    /** Copies every indexed file of {@code images/<arch>/<version>/} that is not already at the target, same size and digest. */
    public List<CopiedFile> copy(ChannelBoard board, Version version, String by) {
        requireNotWithdrawn(board, version);
        String source = board.imagesDirectory(version);
        List<StoredArtifact> files = index.under(source);
        if (files.isEmpty()) {
            throw new ArtifactException(ArtifactException.Reason.NOT_FOUND, "nothing-to-publish",
                    "'" + source + "' holds no stored files; nothing was copied into '" + board.versionDirectory(version) + "'", null);
        }
        String target = board.versionDirectory(version);
        List<CopiedFile> result = new ArrayList<>(files.size());
        for (StoredArtifact file : files) {
            String name = file.path().value().substring(source.length());
            result.add(copyOne(file, name, CachePath.file(target + name), by));
        }
        QuarkusTransaction.requiringNew().run(() -> state.recordCopy(board, version, by, clock.instant()));
        LOG.infof("published %s into %s: %d copied, %d already there", source, target,
                result.stream().filter(CopiedFile::copied).count(), result.stream().filter(f -> !f.copied()).count());
        return result;
    }

    private CopiedFile copyOne(StoredArtifact source, String name, CachePath target, String by) {
        Optional<StoredArtifact> existing = index.find(target);
        if (existing.isPresent() && sameContent(existing.get(), source) && store.stat(target.value())
                .filter(info -> info.size() == source.digests().size()).isPresent()) {
            return new CopiedFile(name, existing.get(), false);
        }
        String etag = store.copy(source.path().value(), target.value(), source.contentType(), UUID.randomUUID().toString(),
                source.generated());
        StoredArtifact copy = new StoredArtifact(target, CacheLayout.locate(target), source.digests(), source.contentType(),
                etag, clock.instant(), by, source.generated());
        QuarkusTransaction.requiringNew().run(() -> {
            index.lock(List.of(target));
            index.upsert(copy);
            events.stored(copy);
        });
        return new CopiedFile(name, copy, true);
    }

    private static boolean sameContent(StoredArtifact a, StoredArtifact b) {
        return a.digests().size() == b.digests().size() && a.digests().sha256().equals(b.digests().sha256());
    }

    /** Points {@code name} at {@code version}; a pointer already there is left as it is (its time too). */
    public Pointer movePointer(ChannelBoard board, PointerName name, Version version, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            state.lock(board);
            requireNotWithdrawn(board, version);
            Optional<Pointer> current = state.pointer(board, name);
            if (current.isPresent() && current.get().version().equals(version)) {
                return current.get();
            }
            if (!index.anyUnder(board.versionDirectory(version))) {
                throw new ArtifactException(ArtifactException.Reason.CONFLICT, "version-not-in-channel", "'"
                        + board.versionDirectory(version) + "' holds nothing: copy the release there first (PUT /api/v1/channels/"
                        + board.channel().id() + "/" + board.arch() + "/versions/" + version + ")", null);
            }
            state.movePointer(board, name, version, by, now());
            LOG.infof("%s%s now points at %s (was %s)", board, name, version,
                    current.map(p -> p.version().toString()).orElse("nothing"));
            return state.pointer(board, name).orElseThrow();
        });
    }

    /** Removes the pointer; returns whether there was one. */
    public boolean removePointer(ChannelBoard board, PointerName name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            state.lock(board);
            return state.removePointer(board, name);
        });
    }

    public List<Pointer> pointers(ChannelBoard board) {
        return state.pointers(board);
    }

    /** Withdraws {@code version} from the board; a repeat answers the first withdrawal. */
    public Withdrawal withdraw(ChannelBoard board, Version version, String reason, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            state.lock(board);
            Optional<Withdrawal> existing = state.withdrawal(board, version);
            if (existing.isPresent()) {
                return existing.get();
            }
            List<String> naming = state.pointers(board).stream().filter(p -> p.version().equals(version))
                    .map(Pointer::name).toList();
            if (!naming.isEmpty()) {
                throw new ArtifactException(ArtifactException.Reason.CONFLICT, "version-is-current", "'"
                        + board.versionDirectory(version) + "' is what " + String.join(", ", naming) + " of " + board
                        + " names: move or remove the pointer first", null);
            }
            Withdrawal withdrawal = new Withdrawal(board, version, reason, by, now());
            state.withdraw(withdrawal);
            LOG.infof("withdrew %s: %s", board.versionDirectory(version), reason);
            return withdrawal;
        });
    }

    /** PostgreSQL keeps microseconds: an answer must not say more than a repeat will. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void requireNotWithdrawn(ChannelBoard board, Version version) {
        state.withdrawal(board, version).ifPresent(w -> {
            throw ChannelReads.withdrawn(w);
        });
    }
}
