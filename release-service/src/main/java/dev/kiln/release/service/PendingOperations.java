package dev.kiln.release.service;

import dev.kiln.release.domain.channel.OperationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Which channel operations a sweep should take up. */
@ApplicationScoped
public class PendingOperations {

    private final OperationStore operations;
    private final Clock clock;

    public PendingOperations(OperationStore operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    /** Pending operations with no attempt for {@code quiet}, and committed ones still waiting for their files. */
    @Transactional
    public List<Long> unfinished(Duration quiet) {
        return operations.unfinished(clock.instant().minus(quiet));
    }
}
