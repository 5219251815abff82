package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where channel operations are kept (port). At most one operation per channel is pending at a time: that is what
 * serializes changes of a channel across the storage calls, restarts and replicas. Every call needs a transaction.
 */
public interface OperationStore {

    /** Stores a pending operation and returns it with its id; empty, storing nothing, when the channel has one pending. */
    Optional<ChannelOperation> enqueue(ChannelOperation operation);

    Optional<ChannelOperation> pending(Channel channel);

    /** The operation, its row locked until the transaction ends. */
    Optional<ChannelOperation> lock(long id);

    Optional<ChannelOperation> find(long id);

    /** An attempt at the storage calls starts ({@code error} null) or failed with {@code error}. */
    void attempted(long id, String error, Instant at);

    void moveTo(long id, ChannelOperation.State state, String note, Instant at);

    /** Committed operations whose channel files are not written yet, oldest first. */
    List<ChannelOperation> committed();

    /** Pending operations not attempted since {@code quietSince}, and committed ones whose files are not written yet. */
    List<Long> unfinished(Instant quietSince);
}
