package dev.kiln.release.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.build.BuildResponse;
import dev.kiln.clients.build.BuildRunnerClient;
import dev.kiln.clients.build.CreateBuildRequest;
import dev.kiln.release.domain.promotion.BuildOrder;
import dev.kiln.release.domain.promotion.BuildOutcome;
import dev.kiln.release.domain.promotion.BuildRunner;
import dev.kiln.release.domain.promotion.BuildStatus;
import dev.kiln.release.domain.promotion.BuiltVersion;
import dev.kiln.release.domain.promotion.CallFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/** {@link BuildRunner} over the shared build-runner client. */
@ApplicationScoped
public class BuildRunnerBuilds implements BuildRunner {

    private final BuildRunnerClient client;

    public BuildRunnerBuilds(BuildRunnerClient client) {
        this.client = client;
    }

    @Override
    public String start(BuildOrder order, String idempotencyKey) {
        BuildResponse build = call(() -> client.start(CreateBuildRequest.ofTag(order.pipeline(), order.tag(), order.arches(),
                order.vendors()), idempotencyKey));
        if (build == null || build.id() == null || build.id().isBlank()) {
            throw new CallFailedException("build-runner answered no build id for " + order.tag(), false, null);
        }
        return build.id();
    }

    @Override
    public Optional<BuildStatus> find(String buildId) {
        return call(() -> client.find(buildId)).map(b -> new BuildStatus(new BuiltVersion(b.id(), b.pipeline(),
                b.pipelineDigest(), b.params(), b.tag(), b.version(), b.sdkVersion(), b.arches(), b.vendors(), b.branch(),
                b.commit()), outcomeOf(b)));
    }

    @Override
    public void cancel(String buildId, String reason) {
        call(() -> client.cancel(buildId, reason.length() > 2000 ? reason.substring(0, 2000) : reason));
    }

    private static Optional<BuildOutcome> outcomeOf(BuildResponse build) {
        if (!build.finished()) {
            return Optional.empty();
        }
        BuildOutcome.Result result = BuildOutcome.Result.valueOf(build.state().toUpperCase(Locale.ROOT));
        return Optional.of(new BuildOutcome(result, build.reason()));
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceCallException e) {
            throw new CallFailedException(e.getMessage(), e.permanent(), e);
        }
    }
}
