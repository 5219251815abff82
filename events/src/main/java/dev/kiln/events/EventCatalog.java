package dev.kiln.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Kiln emits; {@code docs/events.md} lists the same set. */
public final class EventCatalog {

    public static final EventType<VersionTagged> VERSION_TAGGED =
            new EventType<>("dev.kiln.version.tagged.v1", Topics.VERSIONS, VersionTagged.class);
    public static final EventType<VersionDeleted> VERSION_DELETED =
            new EventType<>("dev.kiln.version.deleted.v1", Topics.VERSIONS, VersionDeleted.class);

    public static final EventType<BuildRequested> BUILD_REQUESTED =
            new EventType<>("dev.kiln.build.requested.v1", Topics.BUILDS, BuildRequested.class);
    public static final EventType<BuildStarted> BUILD_STARTED =
            new EventType<>("dev.kiln.build.started.v1", Topics.BUILDS, BuildStarted.class);
    public static final EventType<BuildSucceeded> BUILD_SUCCEEDED =
            new EventType<>("dev.kiln.build.succeeded.v1", Topics.BUILDS, BuildSucceeded.class);
    public static final EventType<BuildFailed> BUILD_FAILED =
            new EventType<>("dev.kiln.build.failed.v1", Topics.BUILDS, BuildFailed.class);
    public static final EventType<BuildCancelled> BUILD_CANCELLED =
            new EventType<>("dev.kiln.build.cancelled.v1", Topics.BUILDS, BuildCancelled.class);
    public static final EventType<StepStarted> STEP_STARTED =
            new EventType<>("dev.kiln.build.step.started.v1", Topics.BUILDS, StepStarted.class);
    public static final EventType<StepSucceeded> STEP_SUCCEEDED =
            new EventType<>("dev.kiln.build.step.succeeded.v1", Topics.BUILDS, StepSucceeded.class);
    public static final EventType<StepFailed> STEP_FAILED =
            new EventType<>("dev.kiln.build.step.failed.v1", Topics.BUILDS, StepFailed.class);
    public static final EventType<StepSkipped> STEP_SKIPPED =
            new EventType<>("dev.kiln.build.step.skipped.v1", Topics.BUILDS, StepSkipped.class);
    public static final EventType<StepRetrying> STEP_RETRYING =
            new EventType<>("dev.kiln.build.step.retrying.v1", Topics.BUILDS, StepRetrying.class);
    public static final EventType<StepCancelled> STEP_CANCELLED =
            new EventType<>("dev.kiln.build.step.cancelled.v1", Topics.BUILDS, StepCancelled.class);
    public static final EventType<StepBlocked> STEP_BLOCKED =
            new EventType<>("dev.kiln.build.step.blocked.v1", Topics.BUILDS, StepBlocked.class);

    public static final EventType<ArtifactStored> ARTIFACT_STORED =
            new EventType<>("dev.kiln.artifact.stored.v1", Topics.ARTIFACTS, ArtifactStored.class);
    public static final EventType<ArtifactDeleted> ARTIFACT_DELETED =
            new EventType<>("dev.kiln.artifact.deleted.v1", Topics.ARTIFACTS, ArtifactDeleted.class);

    public static final EventType<ReleaseCandidate> RELEASE_CANDIDATE =
            new EventType<>("dev.kiln.release.candidate.v1", Topics.RELEASES, ReleaseCandidate.class);
    public static final EventType<ReleasePublished> RELEASE_PUBLISHED =
            new EventType<>("dev.kiln.release.published.v1", Topics.RELEASES, ReleasePublished.class);

    public static final EventType<ReleaseReady> RELEASE_READY =
            new EventType<>("dev.kiln.release.ready.v1", Topics.RELEASES, ReleaseReady.class);
    public static final EventType<ReleaseRejected> RELEASE_REJECTED =
            new EventType<>("dev.kiln.release.rejected.v1", Topics.RELEASES, ReleaseRejected.class);
    /** Spelled {@code gate.revoked}: type names are dot-separated lower-case words, no hyphens. */
    public static final EventType<ReleaseGateRevoked> RELEASE_GATE_REVOKED =
            new EventType<>("dev.kiln.release.gate.revoked.v1", Topics.RELEASES, ReleaseGateRevoked.class);
    public static final EventType<ReleaseRolledBack> RELEASE_ROLLED_BACK =
            new EventType<>("dev.kiln.release.rolled.back.v1", Topics.RELEASES, ReleaseRolledBack.class);
    public static final EventType<ReleaseWithdrawn> RELEASE_WITHDRAWN =
            new EventType<>("dev.kiln.release.withdrawn.v1", Topics.RELEASES, ReleaseWithdrawn.class);

    /** A release request's transitions, one type per state it reached. */
    public static final EventType<PromotionStateChanged> PROMOTION_QUEUED = promotionType("queued");
    public static final EventType<PromotionStateChanged> PROMOTION_VERSIONING = promotionType("versioning");
    public static final EventType<PromotionStateChanged> PROMOTION_BUILDING = promotionType("building");
    public static final EventType<PromotionStateChanged> PROMOTION_TESTING = promotionType("testing");
    public static final EventType<PromotionStateChanged> PROMOTION_AWAITING_APPROVAL = promotionType("awaiting-approval");
    public static final EventType<PromotionStateChanged> PROMOTION_PUBLISHED = promotionType("published");
    public static final EventType<PromotionStateChanged> PROMOTION_FAILED = promotionType("failed");
    public static final EventType<PromotionStateChanged> PROMOTION_CANCELLED = promotionType("cancelled");

    public static final EventType<TestReported> TEST_REPORTED =
            new EventType<>("dev.kiln.test.reported.v1", Topics.TESTS, TestReported.class);

    private static final List<EventType<?>> ALL = List.of(
            VERSION_TAGGED, VERSION_DELETED,
            BUILD_REQUESTED, BUILD_STARTED, BUILD_SUCCEEDED, BUILD_FAILED, BUILD_CANCELLED,
            STEP_STARTED, STEP_SUCCEEDED, STEP_FAILED, STEP_SKIPPED, STEP_RETRYING, STEP_CANCELLED, STEP_BLOCKED,
            ARTIFACT_STORED, ARTIFACT_DELETED,
            RELEASE_CANDIDATE, RELEASE_PUBLISHED, RELEASE_READY, RELEASE_REJECTED, RELEASE_GATE_REVOKED,
            RELEASE_ROLLED_BACK, RELEASE_WITHDRAWN,
            PROMOTION_QUEUED, PROMOTION_VERSIONING, PROMOTION_BUILDING, PROMOTION_TESTING, PROMOTION_AWAITING_APPROVAL,
            PROMOTION_PUBLISHED, PROMOTION_FAILED, PROMOTION_CANCELLED,
            TEST_REPORTED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The type of a release request reaching {@code state} ({@code awaiting-approval}, ...), if that is a state. */
    @SuppressWarnings("unchecked")
    public static Optional<EventType<PromotionStateChanged>> promotion(String state) {
        return state == null ? Optional.empty() : byName(promotionTypeName(state))
                .filter(t -> t.dataClass() == PromotionStateChanged.class).map(t -> (EventType<PromotionStateChanged>) t);
    }

    /** Type names take no hyphens, so {@code awaiting-approval} is {@code dev.kiln.promotion.awaiting.approval.v1}. */
    private static String promotionTypeName(String state) {
        return "dev.kiln.promotion." + state.replace('-', '.') + ".v1";
    }

    private static EventType<PromotionStateChanged> promotionType(String state) {
        return new EventType<>(promotionTypeName(state), Topics.RELEASES, PromotionStateChanged.class);
    }
}
