package dev.kiln.runner.service;

import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.ReconcileResult;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.domain.port.StepLaunch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Carries out what a reconcile pass or a command decided, once it is stored: launch attempts (in parallel),
 * each with the build's step token, ship logs, stop attempts, plan the build's next pass, and when a build has ended
 * revoke its step token and tell the executor.
 */
final class ReconcileActions {

    /** Plans another pass over a build after {@code delay}. */
    @FunctionalInterface
    interface WakeUp {
        void after(String buildId, Duration delay, Instant now);
    }

    private static final Logger LOG = Logger.getLogger(ReconcileActions.class);

    private final StepExecutor executor;
    private final BuildTokens tokens;
    private final LogShipper logs;
    private final Duration launchRetryDelay;
    private final WakeUp wakeUp;
    private final ExecutorService launcher = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().name("kiln-runner-launch-", 0).daemon().factory());

    ReconcileActions(StepExecutor executor, BuildTokens tokens, LogShipper logs, Duration launchRetryDelay,
            WakeUp wakeUp) {
        this.executor = executor;
        this.tokens = tokens;
        this.logs = logs;
        this.launchRetryDelay = launchRetryDelay;
        this.wakeUp = wakeUp;
    }

    void carryOut(Build build, ReconcileResult result, Instant now) {
        Set<RunHandle> stopping = Set.copyOf(result.stops());
        launchAll(build, result.launches(), now);
        for (ReconcileResult.LogUpload log : result.logs()) {
            logs.ship(log.handle(), log.path(), stopping.contains(log.handle()));
        }
        // an attempt whose log is shipped is stopped by the shipper once the log is safe
        result.stops().stream().filter(h -> result.logs().stream().noneMatch(l -> l.handle().equals(h)))
                .forEach(executor::stop);
        if (result.wakeAt() != null) {
            wakeUp.after(build.id(), Duration.between(now, result.wakeAt()), now);
        }
        if (build.state().isTerminal()) {
            tokens.revoke(build.id());
            executor.buildFinished(build.id());
        }
    }

    /** Stores the log of an attempt that finished earlier (found after a restart) and then releases it. */
    void shipLog(RunHandle handle, String path) {
        logs.ship(handle, path, false);
    }

    void shutdown() {
        launcher.shutdown();
        logs.shutdown();
    }

    /**
     * Launches in parallel, each with the build's step token; a failed launch (or no token to be had) leaves its run
     * starting, and a later pass launches it again.
     */
    private void launchAll(Build build, List<StepLaunch> launches, Instant now) {
        String buildId = build.id();
        if (launches.isEmpty()) {
            return;
        }
        String token;
        try {
            token = tokens.tokenFor(build);
        } catch (RuntimeException e) {
            LOG.warnf("build %s: no step token (%s); launching later", buildId, e.getMessage());
            wakeUp.after(buildId, launchRetryDelay, now);
            return;
        }
        List<Future<?>> pending = new ArrayList<>();
        for (StepLaunch launch : launches) {
            pending.add(launcher.submit(() -> executor.launch(launch.withCacheToken(token))));
        }
        for (int i = 0; i < pending.size(); i++) {
            try {
                pending.get(i).get();
            } catch (ExecutionException e) {
                LOG.warnf("%s: launch failed, will retry: %s", launches.get(i).handle(), e.getCause().getMessage());
                wakeUp.after(buildId, launchRetryDelay, now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
