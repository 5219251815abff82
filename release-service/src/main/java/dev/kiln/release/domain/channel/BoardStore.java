package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Channel;
import java.util.List;

/** Where each channel's history is kept (port); the board is rebuilt from it. Every call needs a transaction. */
public interface BoardStore {

    ChannelBoard load(Channel channel);

    /** Like {@link #load}, and holds the channel locked until the transaction ends: one change of a channel at a time. */
    ChannelBoard lock(Channel channel);

    void append(Channel channel, List<BoardEntry> entries);
}
