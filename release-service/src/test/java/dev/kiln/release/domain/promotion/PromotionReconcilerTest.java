package dev.kiln.release.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.release.domain.Releases;
import dev.kiln.release.domain.gate.GateReport;
import dev.kiln.release.domain.gate.Requirement;
import dev.kiln.release.domain.gate.Status;
import dev.kiln.release.domain.promotion.PromotionReconciler.Situation;
import dev.kiln.release.domain.promotion.PromotionReconciler.Step;
import dev.kiln.release.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionReconcilerTest {

    private static final Instant ASKED = Instant.parse("2026-08-25T10:00:00Z");
    private static final ReleaseRequest BETA_4790 = new ReleaseRequest.Promotion(Version.parse("4790.0.1"), Channel.BETA);
    private static final ReleaseRequest STABLE_PATCH_4593 = new ReleaseRequest.Patch(Channel.STABLE, 4593);

    private static PromotionRequest versioning(String id, ReleaseRequest ask, int minutesAfter) {
        Optional<Version> source = switch (ask) {
            case ReleaseRequest.NewMajor ignored -> Optional.empty();
            case ReleaseRequest.Promotion p -> Optional.of(p.from());
            case ReleaseRequest.Patch ignored -> Optional.of(Version.parse("4593.2.5"));
        };
        return PromotionRequest.open(id, ask, source, List.of("amd64", "arm64"), List.of("qemu_uefi"), "alice",
                RequestState.VERSIONING, Optional.empty(), "first in its lane", ASKED.plusSeconds(60L * minutesAfter));
    }

    private static PromotionRequest queued(String id, String behind, int minutesAfter) {
        return PromotionRequest.open(id, BETA_4790, Optional.of(Version.parse("4790.0.1")), List.of("amd64"), List.of(), "bob",
                RequestState.QUEUED, Optional.of(behind), "waiting behind " + behind, ASKED.plusSeconds(60L * minutesAfter));
    }

    private static PromotionRequest building(String id) {
        return versioning(id, BETA_4790, 0).withTag(Tag.parse("beta-4790.1.0")).withBuild("k7xq2m4pza")
                .moveTo(RequestState.BUILDING, "promotion-engine", "build started", BUILD_STARTED);
    }

    private static PromotionRequest testing(String id) {
        return building(id).moveTo(RequestState.TESTING, "promotion-engine", "candidate exists", ASKED.plusSeconds(3600));
    }

    /** The build started at ASKED + 2 min; ten seconds later nothing about its end is overdue yet. */
    private static final Instant BUILD_STARTED = ASKED.plusSeconds(120);
    private static final Duration BUILD_EVENT_WAIT = Duration.ofSeconds(60);
    private static final Instant NOW = BUILD_STARTED.plusSeconds(10);

    private static Situation situation(PromotionRequest request, List<PromotionRequest> lane, Optional<Decision.Refuse> refusal,
            Optional<Release> release, Optional<GateReport> gates) {
        return new Situation(request, lane, refusal, release, gates, NOW, BUILD_EVENT_WAIT);
    }

    private static Situation at(Instant now, PromotionRequest request) {
        return new Situation(request, List.of(request), Optional.empty(), Optional.empty(), Optional.empty(), now,
                BUILD_EVENT_WAIT);
    }

    private static Situation alone(PromotionRequest request) {
        return situation(request, List.of(request), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Situation withRelease(PromotionRequest request, Release release, Optional<GateReport> gates) {
        return situation(request, List.of(), Optional.empty(), Optional.of(release), gates);
    }

    private static GateReport gates(Status kola, Status approvals) {
        List<Requirement> requirements = List.of(
                new Requirement.Suite("kola", "amd64", "qemu_uefi", 2, List.of(), kola, "kola " + kola.id()),
                new Requirement.Approvals(1, List.of(), List.of(), approvals, "approvals " + approvals.id()));
        return new GateReport(Version.parse("4790.1.0"), requirements, GateReport.Verdict.PENDING);
    }

    // queued

    @Test
    void aQueuedRequestWaitsWhileAnotherOfItsLaneIsUnderWay() {
        PromotionRequest active = building("pr-aaaaaaaaaa");
        PromotionRequest waiting = queued("pr-bbbbbbbbbb", "pr-aaaaaaaaaa", 5);

        Step step = PromotionReconciler.next(situation(waiting, List.of(active, waiting), Optional.empty(), Optional.empty(),
                Optional.empty()));

        assertThat(step).isEqualTo(new Step.Wait());
    }

    @Test
    void aQueuedRequestProceedsWhenNothingOfItsLaneIsUnderWay() {
        PromotionRequest waiting = queued("pr-bbbbbbbbbb", "pr-aaaaaaaaaa", 5);

        Step step = PromotionReconciler.next(alone(waiting));

        assertThat(step).isInstanceOfSatisfying(Step.Move.class, move -> {
            assertThat(move.to()).isEqualTo(RequestState.VERSIONING);
            assertThat(move.reason()).isEqualTo("first in its lane beta/4790");
        });
    }

    @Test
    void whenTheFirstFinishesOnlyTheOldestQueuedRequestProceedsAndTheNextWaitsBehindIt() {
        PromotionRequest second = queued("pr-bbbbbbbbbb", "pr-aaaaaaaaaa", 5);
        PromotionRequest third = queued("pr-cccccccccc", "pr-bbbbbbbbbb", 7);
        List<PromotionRequest> lane = List.of(second, third);

        Step forSecond = PromotionReconciler.next(situation(second, lane, Optional.empty(), Optional.empty(), Optional.empty()));
        Step forThird = PromotionReconciler.next(situation(third, lane, Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(forSecond).isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(RequestState.VERSIONING));
        assertThat(forThird).isEqualTo(new Step.Wait());
    }

    @Test
    void aQueuedRequestWhoseRequestAheadWasCancelledWaitsBehindTheOneStillAhead() {
        PromotionRequest first = building("pr-aaaaaaaaaa");
        PromotionRequest third = queued("pr-cccccccccc", "pr-bbbbbbbbbb", 7);

        Step step = PromotionReconciler.next(situation(third, List.of(first, third), Optional.empty(), Optional.empty(),
                Optional.empty()));

        assertThat(step).isEqualTo(new Step.WaitBehind("pr-aaaaaaaaaa"));
    }

    @Test
    void aQueuedRequestTheRulesNowRefuseFailsWithTheRulesSlug() {
        PromotionRequest waiting = queued("pr-bbbbbbbbbb", "pr-aaaaaaaaaa", 5);
        Decision.Refuse refuse = new Decision.Refuse(DomainException.Kind.CONFLICT, "already-promoted",
                "major 4790 is already in beta; ask for a patch there instead");

        Step step = PromotionReconciler.next(situation(waiting, List.of(waiting), Optional.of(refuse), Optional.empty(),
                Optional.empty()));

        assertThat(step).isEqualTo(new Step.Move(RequestState.FAILED,
                "already-promoted: major 4790 is already in beta; ask for a patch there instead"));
    }

    // versioning

    @Test
    void aNewMajorAsksVersionServiceForAnAlphaKeyedByTheRequestId() {
        PromotionRequest request = versioning("pr-7h3k9w2m4q", new ReleaseRequest.NewMajor(), 0);

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isInstanceOfSatisfying(Step.AllocateVersion.class, allocate -> {
            assertThat(allocate.request().kind()).isEqualTo(VersionKind.ALPHA);
            assertThat(allocate.request().from()).isNull();
            assertThat(allocate.request().branch()).isNull();
            assertThat(allocate.idempotencyKey()).isEqualTo("kiln-promotion-pr-7h3k9w2m4q");
            allocate.request().checkFields();
        });
    }

    @Test
    void aPromotionAsksForKindPromotionFromTheSourceTagToTheTargetChannel() {
        Step step = PromotionReconciler.next(alone(versioning("pr-7h3k9w2m4q", BETA_4790, 0)));

        assertThat(step).isInstanceOfSatisfying(Step.AllocateVersion.class, allocate -> {
            assertThat(allocate.request().kind()).isEqualTo(VersionKind.PROMOTION);
            assertThat(allocate.request().from()).isEqualTo("alpha-4790.0.1");
            assertThat(allocate.request().to()).isEqualTo("beta");
            allocate.request().checkFields();
        });
    }

    @Test
    void aPatchAsksForKindPatchFromTheReleaseItFollows() {
        Step step = PromotionReconciler.next(alone(versioning("pr-7h3k9w2m4q", STABLE_PATCH_4593, 0)));

        assertThat(step).isInstanceOfSatisfying(Step.AllocateVersion.class, allocate -> {
            assertThat(allocate.request().kind()).isEqualTo(VersionKind.PATCH);
            assertThat(allocate.request().from()).isEqualTo("stable-4593.2.5");
            assertThat(allocate.request().to()).isNull();
            allocate.request().checkFields();
        });
    }

    @Test
    void afterAFailedCallTheSameStoredStateAsksForTheSameVersionAgain() {
        PromotionRequest request = versioning("pr-7h3k9w2m4q", BETA_4790, 0);

        Step first = PromotionReconciler.next(alone(request));
        Step again = PromotionReconciler.next(alone(request));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void withItsVersionARequestStartsTheOsPipelineOnThatTag() {
        PromotionRequest request = versioning("pr-7h3k9w2m4q", BETA_4790, 0).withTag(Tag.parse("beta-4790.1.0"));

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isEqualTo(new Step.StartBuild(new BuildOrder("os", "beta-4790.1.0", List.of("amd64", "arm64"),
                List.of("qemu_uefi")), "kiln-promotion-pr-7h3k9w2m4q"));
    }

    @Test
    void aNewMajorIsBuiltWithTheFullPipeline() {
        PromotionRequest request = versioning("pr-7h3k9w2m4q", new ReleaseRequest.NewMajor(), 0)
                .withTag(Tag.parse("alpha-4800.0.0"));

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isInstanceOfSatisfying(Step.StartBuild.class, start -> {
            assertThat(start.order().pipeline()).isEqualTo("full");
            assertThat(start.order().tag()).isEqualTo("alpha-4800.0.0");
        });
    }

    @Test
    void withItsBuildStartedARequestIsBuilding() {
        PromotionRequest request = versioning("pr-7h3k9w2m4q", BETA_4790, 0).withTag(Tag.parse("beta-4790.1.0"))
                .withBuild("k7xq2m4pza");

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isEqualTo(new Step.Move(RequestState.BUILDING, "build k7xq2m4pza of beta-4790.1.0 started"));
    }

    // building

    @Test
    void aRunningBuildIsWaitedFor() {
        assertThat(PromotionReconciler.next(alone(building("pr-7h3k9w2m4q")))).isEqualTo(new Step.Wait());
    }

    @Test
    void aFailedBuildFailsTheRequestWithTheBuildsReason() {
        PromotionRequest request = building("pr-7h3k9w2m4q").withBuildOutcome(new BuildOutcome(BuildOutcome.Result.FAILED,
                "1 step run(s) failed: image-arm64"));

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isEqualTo(new Step.Move(RequestState.FAILED, "build k7xq2m4pza failed: 1 step run(s) failed: image-arm64"));
    }

    @Test
    void aBuildCancelledInBuildRunnerFailsTheRequest() {
        PromotionRequest request = building("pr-7h3k9w2m4q").withBuildOutcome(new BuildOutcome(BuildOutcome.Result.CANCELLED,
                "superseded"));

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isEqualTo(new Step.Move(RequestState.FAILED, "build k7xq2m4pza was cancelled: superseded"));
    }

    @Test
    void aSucceededBuildThatMadeNoCandidateFailsTheRequestInsteadOfLeavingItBuilding() {
        PromotionRequest request = building("pr-7h3k9w2m4q").withBuildOutcome(new BuildOutcome(BuildOutcome.Result.SUCCEEDED,
                "build succeeded"));

        Step step = PromotionReconciler.next(alone(request));

        assertThat(step).isEqualTo(new Step.Move(RequestState.FAILED, "build k7xq2m4pza succeeded but made no release "
                + "candidate of 4790.1.0 (see release-service's log)"));
    }

    @Test
    void aBuildWhoseEndNoEventAnnouncedWithinTheWaitIsAskedAbout() {
        PromotionRequest request = building("pr-7h3k9w2m4q");

        Step step = PromotionReconciler.next(at(BUILD_STARTED.plus(BUILD_EVENT_WAIT), request));

        assertThat(step).isEqualTo(new Step.CheckBuild("k7xq2m4pza"));
    }

    @Test
    void aBuildIsNotAskedAboutBeforeTheWaitForItsEventEnds() {
        PromotionRequest request = building("pr-7h3k9w2m4q");

        Step step = PromotionReconciler.next(at(BUILD_STARTED.plus(BUILD_EVENT_WAIT).minusSeconds(1), request));

        assertThat(step).isEqualTo(new Step.Wait());
    }

    @Test
    void aBuildStillRunningWhenAskedIsAskedAgainByTheNextPass() {
        PromotionRequest request = building("pr-7h3k9w2m4q");
        Instant later = BUILD_STARTED.plus(BUILD_EVENT_WAIT).plusSeconds(30);

        Step first = PromotionReconciler.next(at(later, request));
        Step next = PromotionReconciler.next(at(later.plusSeconds(30), request));

        assertThat(first).isEqualTo(new Step.CheckBuild("k7xq2m4pza"));
        assertThat(next).isEqualTo(first);
    }

    @Test
    void anOverdueBuildWhoseCandidateExistsIsNotAskedAbout() {
        PromotionRequest request = building("pr-7h3k9w2m4q");
        Situation late = new Situation(request, List.of(), Optional.empty(), Optional.of(Releases.candidate("4790.1.0")),
                Optional.empty(), BUILD_STARTED.plus(Duration.ofHours(2)), BUILD_EVENT_WAIT);

        Step step = PromotionReconciler.next(late);

        assertThat(step).isEqualTo(new Step.Move(RequestState.TESTING, "release candidate 4790.1.0 exists"));
    }

    @Test
    void anOverdueBuildThatFailedFailsTheRequestWithoutAskingAgain() {
        PromotionRequest request = building("pr-7h3k9w2m4q").withBuildOutcome(new BuildOutcome(BuildOutcome.Result.FAILED,
                "1 step run(s) failed: image-arm64"));

        Step step = PromotionReconciler.next(at(BUILD_STARTED.plus(Duration.ofHours(2)), request));

        assertThat(step).isEqualTo(new Step.Move(RequestState.FAILED, "build k7xq2m4pza failed: 1 step run(s) failed: image-arm64"));
    }

    @Test
    void theCandidateOfItsVersionMovesTheRequestToTestingWhateverBuildEventCameLate() {
        PromotionRequest request = building("pr-7h3k9w2m4q").withBuildOutcome(new BuildOutcome(BuildOutcome.Result.FAILED,
                "a stale event"));

        Step step = PromotionReconciler.next(withRelease(request, Releases.candidate("4790.1.0"), Optional.empty()));

        assertThat(step).isEqualTo(new Step.Move(RequestState.TESTING, "release candidate 4790.1.0 exists"));
    }

    // testing and awaiting approval

    @Test
    void aCandidateWhoseTestsAreMissingKeepsTheRequestTesting() {
        Step step = PromotionReconciler.next(withRelease(testing("pr-7h3k9w2m4q"), Releases.candidate("4790.1.0"),
                Optional.of(gates(Status.MISSING, Status.MISSING))));

        assertThat(step).isEqualTo(new Step.Wait());
    }

    @Test
    void aCandidateWhoseOnlyOpenGateIsTheApprovalsAwaitsApproval() {
        Step step = PromotionReconciler.next(withRelease(testing("pr-7h3k9w2m4q"), Releases.candidate("4790.1.0"),
                Optional.of(gates(Status.SATISFIED, Status.WAITING))));

        assertThat(step).isEqualTo(new Step.Move(RequestState.AWAITING_APPROVAL, "every gate but the approvals holds"));
    }

    @Test
    void aReadyReleaseWaitingToBePublishedAwaitsApproval() {
        Step step = PromotionReconciler.next(withRelease(testing("pr-7h3k9w2m4q"), Releases.ready("4790.1.0"), Optional.empty()));

        assertThat(step).isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(RequestState.AWAITING_APPROVAL));
    }

    @Test
    void aRevokedTestGateSendsTheRequestBackToTesting() {
        PromotionRequest waiting = testing("pr-7h3k9w2m4q").moveTo(RequestState.AWAITING_APPROVAL, "promotion-engine",
                "every gate but the approvals holds", ASKED.plusSeconds(7200));

        Step step = PromotionReconciler.next(withRelease(waiting, Releases.candidate("4790.1.0"),
                Optional.of(gates(Status.WAITING, Status.WAITING))));

        assertThat(step).isInstanceOfSatisfying(Step.Move.class, m -> {
            assertThat(m.to()).isEqualTo(RequestState.TESTING);
            assertThat(m.reason()).startsWith("waiting for [kola on amd64/qemu_uefi");
        });
    }

    @Test
    void aPublishedReleasePublishesTheRequest() {
        Release published = Releases.published("4790.1.0", ASKED.plusSeconds(86_400));

        Step step = PromotionReconciler.next(withRelease(testing("pr-7h3k9w2m4q"), published, Optional.empty()));

        assertThat(step).isEqualTo(new Step.Move(RequestState.PUBLISHED, "4790.1.0 was published in beta"));
    }

    @Test
    void aRejectedReleaseFailsTheRequestWithTheRejection() {
        Release rejected = Releases.candidate("4790.1.0").reject("test:kola-ci", "kola on amd64/qemu_uefi: failed all 2 attempt(s)",
                ASKED.plusSeconds(7200)).release();

        Step step = PromotionReconciler.next(withRelease(testing("pr-7h3k9w2m4q"), rejected, Optional.empty()));

        assertThat(step).isEqualTo(new Step.Move(RequestState.FAILED,
                "release 4790.1.0 was rejected: kola on amd64/qemu_uefi: failed all 2 attempt(s)"));
    }

    // finished and cancelled

    @Test
    void aRequestCancelledWhileBuildingStopsItsBuild() {
        PromotionRequest cancelled = building("pr-7h3k9w2m4q").cancel("alice", "wrong kernel", ASKED.plusSeconds(600));

        Step step = PromotionReconciler.next(alone(cancelled));

        assertThat(step).isEqualTo(new Step.StopBuild("k7xq2m4pza", "release request pr-7h3k9w2m4q cancelled: wrong kernel"));
    }

    @Test
    void aCancelledRequestWhoseBuildWasStoppedOrEndedWaitsForEver() {
        PromotionRequest cancelled = building("pr-7h3k9w2m4q").cancel("alice", "wrong kernel", ASKED.plusSeconds(600));

        assertThat(PromotionReconciler.next(alone(cancelled.withBuildStopped()))).isEqualTo(new Step.Wait());
        assertThat(PromotionReconciler.next(alone(cancelled.withBuildOutcome(new BuildOutcome(BuildOutcome.Result.CANCELLED,
                "release request cancelled"))))).isEqualTo(new Step.Wait());
    }

    @Test
    void aFinishedRequestIgnoresLateBuildOutcomesAndReleases() {
        PromotionRequest failed = building("pr-7h3k9w2m4q").moveTo(RequestState.FAILED, "promotion-engine", "build failed",
                ASKED.plusSeconds(600)).withBuildOutcome(new BuildOutcome(BuildOutcome.Result.SUCCEEDED, "duplicate event"));

        Step step = PromotionReconciler.next(withRelease(failed, Releases.candidate("4790.1.0"), Optional.empty()));

        assertThat(step).isEqualTo(new Step.Wait());
    }
}
