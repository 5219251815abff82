package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.channel.ChannelOperation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Publishing, rolling back and withdrawing, as callers ask for them: each is recorded as a channel operation first
 * (refused with nothing stored when illegal), then run at once; the board, release states and event commit only
 * after artifact-service has copied and repointed. If artifact-service is unreachable the operation stays pending
 * and the operation sweeper completes it; asking again resumes it.
 */
@ApplicationScoped
public class Publishing {

    private final ChannelOperations operations;
    private final OperationRunner runner;

    public Publishing(ChannelOperations operations, OperationRunner runner) {
        this.operations = operations;
        this.runner = runner;
    }

    /** Publishes a ready release on every arch it was built for. */
    public ChannelOperation publish(Channel channel, String versionText, String actor) {
        return finished(runner.run(operations.requestPublish(channel, versionText, actor).id()));
    }

    /** Points {@code arch} (every arch with a current release when empty) back to its previous release. */
    public ChannelOperation rollback(Channel channel, Optional<String> arch, String reason, String actor) {
        return finished(runner.run(operations.requestRollback(channel, arch, reason, actor).id()));
    }

    /** Takes a published release back: rolled back where current, withdrawn in artifact-service, gone from the feeds. */
    public ChannelOperation withdraw(String version, String reason, String actor) {
        return finished(runner.run(operations.requestWithdraw(version, reason, actor).id()));
    }

    private static ChannelOperation finished(ChannelOperation op) {
        if (op.state() == ChannelOperation.State.ABANDONED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "operation-abandoned", "the " + op.kind().id()
                    + op.version().map(v -> " of " + v).orElse("") + " was abandoned: the release changed state meanwhile");
        }
        return op;
    }
}
