package dev.kiln.release.service;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.ChannelOperation;
import dev.kiln.release.domain.channel.PointerPlan;
import java.util.List;

/**
 * The storage calls a pending operation needs, decided from the board as it stands (unchanged until the operation
 * commits, since it is the channel's only pending one): copies first, then pointer moves and removals, then
 * withdrawals (artifact-service refuses to withdraw a version a pointer still names).
 */
record OperationPlan(ChannelOperation operation, List<String> copies, PointerPlan.Steps pointers, List<String> withdrawals) {

    Version version() {
        return operation.version().orElseThrow();
    }
}
