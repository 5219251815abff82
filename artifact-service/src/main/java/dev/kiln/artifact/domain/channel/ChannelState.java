package dev.kiln.artifact.domain.channel;

import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The port to what the database knows of channel directories: copies, pointers, withdrawals. Mutations join the caller's transaction. */
public interface ChannelState {

    /** Serialises changes to {@code board}'s pointers and withdrawals until the current transaction ends. */
    void lock(ChannelBoard board);

    /** Records that {@code images/<arch>/<version>/} was copied into {@code board} (a repeat keeps the first time). */
    void recordCopy(ChannelBoard board, Version version, String by, Instant at);

    /** Every {@code images/<arch>/<version>/} directory some channel copied. */
    Set<String> copiedImagesDirectories();

    Optional<Pointer> pointer(ChannelBoard board, PointerName name);

    /** The board's pointers by name. */
    List<Pointer> pointers(ChannelBoard board);

    /** Creates or moves the pointer. */
    void movePointer(ChannelBoard board, PointerName name, Version version, String by, Instant at);

    /** Removes the pointer; returns whether it existed. */
    boolean removePointer(ChannelBoard board, PointerName name);

    Optional<Withdrawal> withdrawal(ChannelBoard board, Version version);

    void withdraw(Withdrawal withdrawal);
}
