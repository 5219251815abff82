package dev.kiln.version.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An interrupted allocation stops between push attempts instead of refetching and pushing again. */
class AllocationsInterruptTest {

    private static final int PUSH_ATTEMPTS = 5;

    private final InMemoryAllocationStore store = new InMemoryAllocationStore();
    private final RejectingRepository repository = new RejectingRepository();
    private final Allocations allocations = new Allocations(new VersionPolicy(PolicySettings.FLATCAR), repository, store,
            new InlineLock(), new AllocationCheckpoints() {
            }, Clock.fixed(Instant.parse("2026-08-22T09:00:00Z"), ZoneOffset.UTC), PUSH_ATTEMPTS);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void interruptDuringARejectedPushStopsBeforeTheNextAttemptAndFreesTheVersion() {
        repository.interruptOnPush = true;
        VersionRequest request = new VersionRequest(VersionKind.DEV, null, null, null, "interrupted-1", null);

        assertThatThrownBy(() -> allocations.allocate(request, "interrupted-1", "tester"))
                .isInstanceOf(AllocationBusyException.class)
                .hasMessageContaining("interrupted");

        assertThat(repository.pushes).as("push attempts").isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag stays set").isTrue();
        assertThat(store.all()).as("nothing was pushed, so the reservation is released").isEmpty();
    }

    @Test
    void interruptedThreadDoesNotStartToPush() {
        VersionRequest request = new VersionRequest(VersionKind.DEV, null, null, null, "interrupted-2", null);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> allocations.allocate(request, "interrupted-2", "tester"))
                .isInstanceOf(AllocationBusyException.class);

        assertThat(repository.pushes).isZero();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void withoutInterruptEveryAttemptRefetchesAndRetries() {
        VersionRequest request = new VersionRequest(VersionKind.DEV, null, null, null, "moving-remote", null);

        assertThatThrownBy(() -> allocations.allocate(request, "moving-remote", "tester"))
                .isInstanceOf(AllocationBusyException.class)
                .hasMessageContaining("the remote moved during each of " + PUSH_ATTEMPTS + " attempts");

        assertThat(repository.pushes).isEqualTo(PUSH_ATTEMPTS);
        assertThat(repository.refreshes).as("one fetch to plan, one before each retry").isEqualTo(PUSH_ATTEMPTS);
    }

    @Test
    void interruptDuringARejectedDeletionStopsBeforeTheNextAttempt() {
        repository.interruptOnPush = true;

        assertThatThrownBy(() -> allocations.delete("main-4799.0.0-some-dev-build", "cleanup"))
                .isInstanceOf(AllocationBusyException.class)
                .hasMessageContaining("interrupted");

        assertThat(repository.deletions).as("delete attempts").isEqualTo(1);
    }

    /** A remote that moves before every push; optionally the caller's thread is interrupted meanwhile. */
    private static final class RejectingRepository implements ScriptsRepository {

        boolean interruptOnPush;
        int pushes;
        int deletions;
        int refreshes;

        @Override
        public RepositoryView refresh() {
            refreshes++;
            return FakeScriptsRepo.flatcarLike();
        }

        @Override
        public TagOutcome applyTag(AllocationPlan plan, boolean resuming) {
            pushes++;
            if (interruptOnPush) {
                Thread.currentThread().interrupt();
            }
            return new TagOutcome.Rejected("main moved");
        }

        @Override
        public Optional<String> publishedCommit(AllocationPlan plan) {
            return Optional.empty();
        }

        @Override
        public DeleteOutcome deleteTag(String tag) {
            deletions++;
            if (interruptOnPush) {
                Thread.currentThread().interrupt();
            }
            return DeleteOutcome.REJECTED;
        }

        @Override
        public Optional<String> versionFileAt(String tag) {
            return Optional.empty();
        }
    }

    private static final class InlineLock implements AllocationLock {

        @Override
        public <T> T exclusively(Supplier<T> work) {
            return work.get();
        }
    }
}
