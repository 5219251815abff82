package dev.kiln.runner.domain.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.events.BuildCancelled;
import dev.kiln.events.BuildFailed;
import dev.kiln.events.BuildStarted;
import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.KilnEvent;
import dev.kiln.events.StepBlocked;
import dev.kiln.events.StepCancelled;
import dev.kiln.events.StepFailed;
import dev.kiln.events.StepRetrying;
import dev.kiln.events.StepSkipped;
import dev.kiln.events.StepStarted;
import dev.kiln.events.StepSucceeded;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.domain.Fixtures;
import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepLaunch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildReconcilerTest {

    private static final String PIPELINE = """
            name: demo
            steps:
              - name: packages
                perArch: true
                image: sdk
                run: packages_build ${arch}
                retry: {attempts: 2, backoff: 1m}
                outputs: ["containers/${versionDocker}/flatcar-packages-${arch}-${versionDocker}.tar.zst"]
              - name: image
                perArch: true
                needs: [packages]
                image: sdk
                run: image_build ${arch}
                outputs: ["images/${arch}/${version}/flatcar_production_image.bin.bz2"]
              - name: release
                needs: [image]
                image: sdk
                run: release
            """;
    private static final String PACKAGES_AMD64 =
            "containers/4799.0.0-nightly-20260821-2100/flatcar-packages-amd64-4799.0.0-nightly-20260821-2100.tar.zst";
    private static final String PACKAGES_ARM64 =
            "containers/4799.0.0-nightly-20260821-2100/flatcar-packages-arm64-4799.0.0-nightly-20260821-2100.tar.zst";
    private static final String IMAGE_AMD64 = "images/amd64/4799.0.0+nightly-20260821-2100/flatcar_production_image.bin.bz2";
    private static final String IMAGE_ARM64 = "images/arm64/4799.0.0+nightly-20260821-2100/flatcar_production_image.bin.bz2";

    private final BuildReconciler reconciler = new BuildReconciler(
            new BuildReconciler.Settings(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(5), 0, "kubernetes"));
    private final Set<String> cache = new HashSet<>();
    private final Map<String, Observation> observed = new HashMap<>();
    private Instant now = Instant.parse("2026-08-21T21:00:00Z");

    private Build build(boolean skipCached) {
        BuildRequest request = new BuildRequest("demo", new VersionRequest(VersionKind.NIGHTLY, "main", null, null, null, null),
                null, List.of("amd64", "arm64"), List.of(), Map.of(), skipCached, "ci");
        Build build = Build.create("k7xq2m4pza", Fixtures.yaml(PIPELINE), request, now);
        build.start(Fixtures.MAIN_NIGHTLY, now);
        build.drainEvents();
        return build;
    }

    private Build requested() {
        BuildRequest request = new BuildRequest("demo", new VersionRequest(VersionKind.NIGHTLY, "main", null, null, null, null),
                null, List.of("amd64", "arm64"), List.of(), Map.of(), true, "ci");
        Build build = Build.create("k7xq2m4pzb", Fixtures.yaml(PIPELINE), request, now);
        build.drainEvents();
        return build;
    }

    private ReconcileResult pass(Build build) {
        return reconciler.reconcile(build, h -> observed.get(h.runKey()), path -> Optional.of(cache.contains(path)), now);
    }

    private static RunState state(Build build, String run) {
        return build.run(run).orElseThrow().state();
    }

    private void finish(String run, Observation outcome, String... outputs) {
        observed.put(run, outcome);
        cache.addAll(List.of(outputs));
    }

    @Test
    void launchesTheRunsWithoutNeedsFirst() {
        Build build = build(true);

        ReconcileResult result = pass(build);

        assertThat(result.launches()).extracting(l -> l.handle().runKey()).containsExactly("packages-amd64", "packages-arm64");
        assertThat(result.launches()).extracting(l -> l.handle().attempt()).containsOnly(1);
        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.STARTING);
        assertThat(state(build, "image-amd64")).isEqualTo(RunState.PENDING);
        assertThat(build.drainEvents()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(StepStarted.class));
    }

    @Test
    void succeedsAnAttemptWhoseOutputsAreInTheCacheAndLaunchesItsSuccessorInTheSamePass() {
        Build build = build(true);
        pass(build);
        finish("packages-amd64", new Observation.Succeeded(), PACKAGES_AMD64);
        observed.put("packages-arm64", new Observation.Running());
        build.drainEvents();

        ReconcileResult result = pass(build);

        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.SUCCEEDED);
        assertThat(state(build, "packages-arm64")).isEqualTo(RunState.RUNNING);
        assertThat(result.launches()).extracting(l -> l.handle().runKey()).containsExactly("image-amd64");
        assertThat(result.logs()).containsExactly(new ReconcileResult.LogUpload(new RunHandle("k7xq2m4pza",
                "packages-amd64", 1), "build-logs/4799.0.0+nightly-20260821-2100/packages-amd64.log"));
        assertThat(build.drainEvents()).first().isInstanceOfSatisfying(StepSucceeded.class, e -> {
            assertThat(e.outputs()).containsExactly(PACKAGES_AMD64);
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.logPath()).endsWith("packages-amd64.log");
        });
    }

    @Test
    void asksForTheSuccessorsCachePathsWhileVerifyingAnAttempt() {
        Build build = build(true);
        pass(build);
        observed.put("packages-amd64", new Observation.Succeeded());
        observed.put("packages-arm64", new Observation.Running());

        ReconcileResult result = reconciler.reconcile(build, h -> observed.get(h.runKey()), path -> Optional.empty(), now);

        assertThat(result.unknownPaths()).containsExactly(PACKAGES_AMD64, IMAGE_AMD64);
        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.STARTING);
        assertThat(result.launches()).isEmpty();
    }

    @Test
    void failsAnAttemptThatExitedZeroWithoutItsOutputs() {
        Build build = build(true);
        pass(build);
        finish("packages-amd64", new Observation.Succeeded());

        pass(build);

        StepRun run = build.run("packages-amd64").orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.PENDING);
        assertThat(run.reason()).startsWith("missing-outputs").contains(PACKAGES_AMD64);
    }

    @Test
    void retriesAFailedAttemptAfterItsBackoffWithTheNextAttemptNumber() {
        Build build = build(true);
        pass(build);
        observed.put("packages-arm64", new Observation.Running());
        finish("packages-amd64", new Observation.Failed("exit-code", "exited with 2"));
        build.drainEvents();

        ReconcileResult failed = pass(build);

        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.PENDING);
        assertThat(failed.wakeAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(failed.logs()).extracting(ReconcileResult.LogUpload::path)
                .containsExactly("build-logs/4799.0.0+nightly-20260821-2100/packages-amd64.attempt-1.log");
        assertThat(build.drainEvents()).singleElement().isInstanceOfSatisfying(StepRetrying.class, e -> {
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.nextAttempt()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("exit-code: exited with 2");
            assertThat(e.retryAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        });

        now = now.plusSeconds(30);
        assertThat(pass(build).launches()).isEmpty();

        now = now.plusSeconds(31);
        observed.remove("packages-amd64");
        ReconcileResult retried = pass(build);

        assertThat(retried.launches()).singleElement().satisfies(l -> {
            assertThat(l.handle().runKey()).isEqualTo("packages-amd64");
            assertThat(l.handle().attempt()).isEqualTo(2);
        });
    }

    @Test
    void failsTheBuildWhenRetriesAreExhaustedAfterIndependentRunsFinish() {
        Build build = build(true);
        pass(build);
        finish("packages-amd64", new Observation.Failed("oom-killed", "container step was OOMKilled"));
        observed.put("packages-arm64", new Observation.Running());
        pass(build);
        now = now.plus(Duration.ofMinutes(2));
        observed.remove("packages-amd64");
        pass(build);
        finish("packages-amd64", new Observation.Failed("oom-killed", "container step was OOMKilled"));
        build.drainEvents();

        pass(build);

        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.FAILED);
        assertThat(build.state()).isEqualTo(BuildState.RUNNING);
        assertThat(build.drainEvents()).singleElement().isInstanceOfSatisfying(StepFailed.class,
                e -> assertThat(e.attempt()).isEqualTo(2));

        finish("packages-arm64", new Observation.Succeeded(), PACKAGES_ARM64);
        pass(build);
        finish("image-arm64", new Observation.Succeeded(), IMAGE_ARM64);
        pass(build);

        assertThat(state(build, "image-arm64")).isEqualTo(RunState.SUCCEEDED);
        assertThat(state(build, "image-amd64")).isEqualTo(RunState.BLOCKED);
        assertThat(build.run("release").orElseThrow().reason()).isEqualTo("not run: packages-amd64 failed");
        assertThat(build.state()).isEqualTo(BuildState.FAILED);
        List<KilnEvent> events = build.drainEvents();
        assertThat(events).last().isInstanceOfSatisfying(BuildFailed.class,
                e -> assertThat(e.failedSteps()).containsExactly("packages-amd64"));
        assertThat(events).filteredOn(StepBlocked.class::isInstance).map(StepBlocked.class::cast)
                .extracting(StepBlocked::stepRun, StepBlocked::reason).containsExactlyInAnyOrder(
                        tuple("image-amd64", "not run: packages-amd64 failed"),
                        tuple("release", "not run: packages-amd64 failed"));
    }

    @Test
    void skipsRunsWhoseOutputsAreAllCachedAndCascadesInOnePass() {
        cache.addAll(List.of(PACKAGES_AMD64, PACKAGES_ARM64, IMAGE_AMD64));
        Build build = build(true);

        ReconcileResult result = pass(build);

        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.SKIPPED);
        assertThat(state(build, "image-amd64")).isEqualTo(RunState.SKIPPED);
        assertThat(result.launches()).extracting(l -> l.handle().runKey()).containsExactly("image-arm64");
        assertThat(build.run("image-amd64").orElseThrow().reason())
                .isEqualTo("outputs already in the cache for 4799.0.0+nightly-20260821-2100 (1 of 1)");
        assertThat(build.drainEvents()).filteredOn(StepSkipped.class::isInstance).hasSize(3);
    }

    @Test
    void buildsEvenCachedOutputsWhenSkippingIsOff() {
        cache.addAll(List.of(PACKAGES_AMD64, PACKAGES_ARM64));
        Build build = build(false);

        assertThat(pass(build).launches()).hasSize(2);
    }

    @Test
    void decidesNothingAboutARunWhoseCachePathsAreUnknownYet() {
        Build build = build(true);

        ReconcileResult result = reconciler.reconcile(build, h -> observed.get(h.runKey()), path -> Optional.empty(), now);

        assertThat(result.launches()).isEmpty();
        assertThat(result.unknownPaths()).containsExactly(PACKAGES_AMD64, PACKAGES_ARM64);
        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.PENDING);
    }

    @Test
    void failsAnAttemptUnschedulableForLongerThanTheLimitAndStopsIt() {
        Build build = build(true);
        pass(build);
        Instant since = now;
        observed.put("packages-amd64", new Observation.Waiting("0/3 nodes are available: 3 Insufficient cpu.", since));
        observed.put("packages-arm64", new Observation.Running());

        ReconcileResult waiting = pass(build);
        now = now.plus(Duration.ofMinutes(11));
        ReconcileResult expired = pass(build);

        assertThat(waiting.wakeAt()).isEqualTo(since.plus(Duration.ofMinutes(10)));
        assertThat(expired.stops()).containsExactly(new RunHandle("k7xq2m4pza", "packages-amd64", 1));
        assertThat(build.run("packages-amd64").orElseThrow().reason())
                .startsWith("unschedulable: 0/3 nodes are available");
    }

    @Test
    void failsAnAttemptPendingForLongerThanTheLimitAndStopsIt() {
        Build build = build(true);
        pass(build);
        Instant placed = now;
        observed.put("packages-amd64", new Observation.Waiting("no pod created for the Job yet", null));
        observed.put("packages-arm64", new Observation.Running());

        ReconcileResult waiting = pass(build);
        now = now.plus(Duration.ofMinutes(19));
        ReconcileResult stillWaiting = pass(build);
        now = now.plus(Duration.ofMinutes(2));
        ReconcileResult expired = pass(build);

        assertThat(waiting.wakeAt()).isEqualTo(placed.plus(Duration.ofMinutes(20)));
        assertThat(stillWaiting.stops()).isEmpty();
        assertThat(expired.stops()).containsExactly(new RunHandle("k7xq2m4pza", "packages-amd64", 1));
        assertThat(build.run("packages-amd64").orElseThrow().reason())
                .isEqualTo("pending: no pod created for the Job yet (for more than 1200s)");
        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.PENDING);
    }

    @Test
    void succeedsAnAttemptWhoseJobExpiredUnobservedWhenAllItsOutputsAreCached() {
        Build build = build(true);
        pass(build);
        observed.put("packages-amd64", new Observation.Running());
        observed.put("packages-arm64", new Observation.Running());
        pass(build);
        build.drainEvents();
        finish("packages-amd64", new Observation.NotFound("Job kiln-k7xq2m4pza-packages-amd64-1 does not exist"),
                PACKAGES_AMD64);

        ReconcileResult result = pass(build);

        StepRun run = build.run("packages-amd64").orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(run.reason()).startsWith("succeeded unobserved: Job kiln-k7xq2m4pza-packages-amd64-1 does not exist");
        assertThat(result.launches()).extracting(l -> l.handle().runKey()).containsExactly("image-amd64");
        assertThat(build.drainEvents()).first().isInstanceOf(StepSucceeded.class);
    }

    @Test
    void waitsForTheCacheBeforeDecidingAboutAVanishedAttemptWithOutputs() {
        Build build = build(true);
        pass(build);
        observed.put("packages-amd64", new Observation.Running());
        observed.put("packages-arm64", new Observation.Running());
        pass(build);
        observed.put("packages-amd64", new Observation.NotFound("Job kiln-k7xq2m4pza-packages-amd64-1 does not exist"));

        ReconcileResult result = reconciler.reconcile(build, h -> observed.get(h.runKey()), path -> Optional.empty(), now);

        assertThat(result.unknownPaths()).contains(PACKAGES_AMD64);
        assertThat(state(build, "packages-amd64")).isEqualTo(RunState.RUNNING);
    }

    @Test
    void failsARunningAttemptThatVanished() {
        Build build = build(true);
        pass(build);
        observed.put("packages-amd64", new Observation.Running());
        observed.put("packages-arm64", new Observation.Running());
        pass(build);
        observed.put("packages-amd64", new Observation.NotFound("Job kiln-k7xq2m4pza-packages-amd64-1 is gone"));

        pass(build);

        assertThat(build.run("packages-amd64").orElseThrow().reason()).startsWith("vanished: Job");
    }

    @Test
    void relaunchesAnUnconfirmedAttemptUntilTheLaunchTimeout() {
        Build build = build(true);
        pass(build);

        ReconcileResult again = pass(build);
        now = now.plus(Duration.ofMinutes(6));
        pass(build);

        assertThat(again.launches()).extracting(StepLaunch::handle)
                .contains(new RunHandle("k7xq2m4pza", "packages-amd64", 1));
        assertThat(build.run("packages-amd64").orElseThrow().reason()).startsWith("launch-failed");
    }

    @Test
    void succeedsTheBuildWithEveryOutputWhenAllRunsAreDone() {
        cache.addAll(List.of(PACKAGES_AMD64, PACKAGES_ARM64, IMAGE_AMD64, IMAGE_ARM64));
        Build build = build(true);
        pass(build);
        finish("release", new Observation.Succeeded());

        pass(build);

        assertThat(build.state()).isEqualTo(BuildState.SUCCEEDED);
        List<KilnEvent> events = build.drainEvents();
        assertThat(events).last().isInstanceOfSatisfying(BuildSucceeded.class, e -> {
            assertThat(e.outputs()).containsExactlyInAnyOrder(PACKAGES_AMD64, PACKAGES_ARM64, IMAGE_AMD64, IMAGE_ARM64);
            assertThat(e.branch()).isEqualTo("main");
            assertThat(e.commit()).isEqualTo("ab6d76d957");
        });
    }

    @Test
    void theSucceededEventNamesThePipelineDigestTheStoreRecordedAndTheParams() {
        cache.addAll(List.of(PACKAGES_AMD64, PACKAGES_ARM64, IMAGE_AMD64, IMAGE_ARM64));
        Build build = build(true);
        build.recordPipelineDigest("9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f");
        pass(build);
        finish("release", new Observation.Succeeded());

        pass(build);

        assertThat(build.drainEvents()).last().isInstanceOfSatisfying(BuildSucceeded.class, e -> {
            assertThat(e.pipeline()).isEqualTo("demo");
            assertThat(e.pipelineDigest()).isEqualTo("9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f");
            assertThat(e.params()).isEqualTo(Map.of());
        });
    }

    @Test
    void resumesAFailedBuildFromItsFailedRunsKeepingThoseThatPassed() {
        Build build = build(true);
        cache.add(PACKAGES_ARM64);
        pass(build);
        observed.put("image-arm64", new Observation.Running());
        failForGood(build, "packages-amd64");
        finish("image-arm64", new Observation.Succeeded(), IMAGE_ARM64);
        pass(build);
        assertThat(build.state()).isEqualTo(BuildState.FAILED);
        build.drainEvents();

        build.resume(now);
        ReconcileResult result = pass(build);

        assertThat(build.state()).isEqualTo(BuildState.RUNNING);
        assertThat(state(build, "image-arm64")).isEqualTo(RunState.SUCCEEDED);
        assertThat(state(build, "image-amd64")).isEqualTo(RunState.PENDING);
        assertThat(result.launches()).singleElement().satisfies(l -> {
            assertThat(l.handle().runKey()).isEqualTo("packages-amd64");
            assertThat(l.handle().attempt()).isEqualTo(3);
        });
        assertThat(build.drainEvents()).first().isInstanceOf(BuildStarted.class);
    }

    private void failForGood(Build build, String run) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            finish(run, new Observation.Failed("exit-code", "exited with 1"));
            pass(build);
            now = now.plus(Duration.ofMinutes(2));
            observed.remove(run);
            pass(build);
        }
        finish(run, new Observation.Failed("exit-code", "exited with 1"));
        pass(build);
        observed.remove(run);
    }

    @Test
    void failsABuildWhoseVersionWasRefusedAndBlocksEveryRunSayingWhy() {
        Build build = requested();

        boolean retry = BuildReconciler.retryAllocation(build, "version-service refused: branch 'nope' does not exist", true, 1,
                10, now);

        assertThat(retry).isFalse();
        assertThat(build.state()).isEqualTo(BuildState.FAILED);
        assertThat(build.reason()).isEqualTo("version-allocation-failed: version-service refused: branch 'nope' does not exist");
        assertThat(build.runs()).extracting(StepRun::state).containsOnly(RunState.BLOCKED);
        assertThat(build.runs()).extracting(StepRun::reason)
                .containsOnly("no version: version-allocation-failed: version-service refused: branch 'nope' does not exist");
        List<KilnEvent> events = build.drainEvents();
        assertThat(events).filteredOn(StepBlocked.class::isInstance).hasSize(5);
        assertThat(events).last().isInstanceOf(BuildFailed.class);
    }

    @Test
    void triesAPassingAllocationFailureAgainUntilItsTriesRunOut() {
        Build build = requested();

        boolean firstRetry = BuildReconciler.retryAllocation(build, "version-service unavailable (503)", false, 1, 10, now);

        assertThat(firstRetry).isTrue();
        assertThat(build.state()).isEqualTo(BuildState.REQUESTED);
        assertThat(build.runs()).extracting(StepRun::state).containsOnly(RunState.PENDING);

        boolean lastRetry = BuildReconciler.retryAllocation(build, "version-service unavailable (503)", false, 10, 10, now);

        assertThat(lastRetry).isFalse();
        assertThat(build.state()).isEqualTo(BuildState.FAILED);
        assertThat(build.reason()).isEqualTo("version-allocation-failed: version-service unavailable (503) (gave up after 10 tries)");
    }

    @Test
    void resumesABuildThatNeverGotAVersionByAskingForOneAgain() {
        Build build = requested();
        BuildReconciler.retryAllocation(build, "version-service refused", true, 1, 10, now);
        build.drainEvents();

        build.resume(now);

        assertThat(build.state()).isEqualTo(BuildState.REQUESTED);
        assertThat(build.reason()).isNull();
        assertThat(build.runs()).extracting(StepRun::state).containsOnly(RunState.PENDING);
        assertThat(build.drainEvents()).isEmpty();

        build.start(Fixtures.MAIN_NIGHTLY, now);
        ReconcileResult result = pass(build);

        assertThat(build.state()).isEqualTo(BuildState.RUNNING);
        assertThat(result.launches()).extracting(l -> l.handle().runKey()).containsExactlyInAnyOrder("packages-amd64", "packages-arm64");
    }

    @Test
    void refusesToResumeABuildThatDidNotFail() {
        Build build = build(true);

        assertThatThrownBy(() -> build.resume(now)).isInstanceOf(BuildTransitionException.class)
                .hasMessageContaining("only a failed build");
    }

    @Test
    void cancelStopsActiveAttemptsAndEndsEveryUnfinishedRun() {
        Build build = build(true);
        pass(build);
        build.drainEvents();

        ReconcileResult result = BuildReconciler.cancel(build, "ci", "superseded by a newer nightly", now);

        assertThat(result.stops()).extracting(RunHandle::runKey).containsExactly("packages-amd64", "packages-arm64");
        assertThat(build.runs()).extracting(StepRun::state).containsOnly(RunState.CANCELLED);
        assertThat(build.state()).isEqualTo(BuildState.CANCELLED);
        List<KilnEvent> events = build.drainEvents();
        assertThat(events).last().isInstanceOfSatisfying(BuildCancelled.class,
                e -> assertThat(e.cancelledBy()).isEqualTo("ci"));
        assertThat(events).filteredOn(StepCancelled.class::isInstance).map(StepCancelled.class::cast)
                .extracting(StepCancelled::stepRun, StepCancelled::attempt).containsExactlyInAnyOrder(
                        tuple("packages-amd64", 1), tuple("packages-arm64", 1), tuple("image-amd64", 0),
                        tuple("image-arm64", 0), tuple("release", 0));
        assertThat(pass(build).launches()).isEmpty();
        assertThatThrownBy(() -> BuildReconciler.cancel(build, "ci", "again", now))
                .isInstanceOf(BuildTransitionException.class);
    }

    @Test
    void neverHasMoreActiveRunsThanTheLimit() {
        BuildReconciler limited = new BuildReconciler(
                new BuildReconciler.Settings(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(5), 1, "local"));
        Build build = build(true);

        ReconcileResult result = limited.reconcile(build, h -> observed.get(h.runKey()), path -> Optional.of(false), now);

        assertThat(result.launches()).hasSize(1);
    }
}
