package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.ListingEntry;
import dev.kiln.artifact.domain.channel.ChannelBoard;
import dev.kiln.artifact.domain.channel.ChannelRead;
import dev.kiln.artifact.domain.channel.ChannelState;
import dev.kiln.artifact.domain.channel.PointerName;
import dev.kiln.artifact.domain.channel.Withdrawal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a cache read below a channel board really reads: a pointer ({@code current/...}) is resolved once, to
 * its version directory, so one request serves one version's bytes; a withdrawn version directory is gone (410).
 */
@ApplicationScoped
public class ChannelReads {

    private final ChannelState state;

    public ChannelReads(ChannelState state) {
        this.state = state;
    }

    /** The path to read for {@code requested}: itself, or the pointer's target; 410 under a withdrawn version. */
    public CachePath resolve(CachePath requested) {
        Optional<ChannelRead> below = ChannelRead.of(requested);
        if (below.isEmpty()) {
            return requested;
        }
        ChannelRead read = below.get();
        if (read.namesPointer()) {
            return state.pointer(read.board(), new PointerName(read.entry())).map(p -> read.in(p.version()))
                    .orElse(requested);
        }
        read.version().flatMap(version -> state.withdrawal(read.board(), version)).ifPresent(w -> {
            throw withdrawn(w);
        });
        return requested;
    }

    /** A board directory's listing with its pointers beside the versions, as directories. */
    public List<ListingEntry> withPointers(CachePath directory, List<ListingEntry> entries) {
        return ChannelRead.boardDirectory(directory).map(board -> addPointers(board, entries)).orElse(entries);
    }

    private List<ListingEntry> addPointers(ChannelBoard board, List<ListingEntry> entries) {
        Set<String> present = entries.stream().map(ListingEntry::name).collect(Collectors.toSet());
        List<ListingEntry> all = new ArrayList<>(entries);
        state.pointers(board).stream().filter(p -> !present.contains(p.name()))
                .forEach(p -> all.add(ListingEntry.directory(p.name(), p.movedAt())));
        return all;
    }

    static ArtifactException withdrawn(Withdrawal w) {
        return new ArtifactException(ArtifactException.Reason.GONE, "version-withdrawn", "'"
                + w.board().versionDirectory(w.version()) + "' was withdrawn at " + w.at() + ": " + w.reason(), null);
    }
}
