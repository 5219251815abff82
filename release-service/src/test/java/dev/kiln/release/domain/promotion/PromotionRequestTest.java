package dev.kiln.release.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionRequestTest {

    private static final Instant AT = Instant.parse("2026-08-25T10:00:00Z");

    private static PromotionRequest patch() {
        return PromotionRequest.open("pr-7h3k9w2m4q", new ReleaseRequest.Patch(Channel.STABLE, 4593),
                Optional.of(Version.parse("4593.2.5")), List.of("amd64"), List.of("ami"), "alice", RequestState.VERSIONING,
                Optional.empty(), "first in its lane", AT);
    }

    @Test
    void everyMoveIsKeptInTheHistoryAndTheLastOneIsTheState() {
        PromotionRequest building = patch().withTag(Tag.parse("stable-4593.2.6")).withBuild("k7xq2m4pza")
                .moveTo(RequestState.BUILDING, "promotion-engine", "build started", AT.plusSeconds(5));

        assertThat(building.state()).isEqualTo(RequestState.BUILDING);
        assertThat(building.history()).extracting(HistoryEntry::state).containsExactly(RequestState.VERSIONING, RequestState.BUILDING);
        assertThat(building.version()).contains(Version.parse("4593.2.6"));
        assertThat(building.major()).contains(4593);
        assertThat(building.updatedAt()).isEqualTo(AT.plusSeconds(5));
    }

    @Test
    void refusesAMoveTheStateTableForbids() {
        assertThatThrownBy(() -> patch().moveTo(RequestState.PUBLISHED, "promotion-engine", "too soon", AT))
                .isInstanceOf(DomainException.class).hasMessageContaining("versioning and cannot become published");
    }

    @Test
    void aFinishedRequestCannotBeCancelled() {
        PromotionRequest failed = patch().moveTo(RequestState.FAILED, "promotion-engine", "version-service refused", AT);

        assertThatThrownBy(() -> failed.cancel("alice", "oops", AT)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.slug()).isEqualTo("promotion-finished"));
    }

    @Test
    void aNewMajorHasNoMajorUntilItsVersionIsAllocated() {
        PromotionRequest alpha = PromotionRequest.open("pr-7h3k9w2m4q", new ReleaseRequest.NewMajor(), Optional.empty(),
                List.of("amd64"), List.of(), "alice", RequestState.VERSIONING, Optional.empty(), "first", AT);

        assertThat(alpha.major()).isEmpty();
        assertThat(alpha.withTag(Tag.parse("alpha-4800.0.0")).major()).contains(4800);
        assertThat(RequestState.AWAITING_APPROVAL.id()).isEqualTo("awaiting-approval");
    }

    @Test
    void aHistoryNeverGoesBackInTime() {
        PromotionRequest moved = patch().moveTo(RequestState.FAILED, "promotion-engine", "clock behind", AT.minusSeconds(30));

        assertThat(moved.updatedAt()).isEqualTo(AT);
    }
}
