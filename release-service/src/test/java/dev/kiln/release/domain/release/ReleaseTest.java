package dev.kiln.release.domain.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.Releases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseTest {

    private static final Instant NOW = Instant.parse("2026-08-25T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"4790.0.1, ALPHA, alpha-4790.0.1", "4593.2.5, STABLE, stable-4593.2.5", "4230.3.2, LTS, lts-4230.3.2",
            "4593.1.0, BETA, beta-4593.1.0"})
    void takesItsChannelAndTagFromTheMinor(String version, Channel channel, String tag) {
        Release release = Releases.candidate(version);

        assertThat(release.channel()).isEqualTo(channel);
        assertThat(release.tag().name()).isEqualTo(tag);
        assertThat(release.state()).isEqualTo(ReleaseState.CANDIDATE);
        assertThat(release.history()).singleElement().satisfies(t -> assertThat(t.isCreation()).isTrue());
    }

    @ParameterizedTest
    @CsvSource({"4799.0.0+nightly-20260821-2100", "3449.0.0-dev23", "4593.4.0"})
    void refusesVersionsThatAreNoRelease(String version) {
        assertThatThrownBy(() -> Releases.candidate(version))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.slug()).isEqualTo("invalid-release"));
    }

    @Test
    void refusesAReleaseWithoutArchitectures() {
        assertThatThrownBy(() -> Release.candidate(Version.parse("4790.0.1"), "3c7d5e2a9f", "k7xq2m4pza",
                Version.parse("4790.0.0"), List.of(), List.of(), PipelineInputs.UNKNOWN, Optional.empty(), "build:k7xq2m4pza", "built", NOW))
                .isInstanceOf(InvalidReleaseException.class).hasMessageContaining("no architecture");
    }

    @Test
    void acceptsAnUnknownCommitButNotABlankOne() {
        Release unknown = Release.candidate(Version.parse("4790.0.1"), null, "k7xq2m4pza", Version.parse("4790.0.0"),
                List.of("amd64"), List.of(), PipelineInputs.UNKNOWN, Optional.empty(), "build:k7xq2m4pza", "built", NOW);

        assertThat(unknown.commit()).isNull();
        assertThatThrownBy(() -> Release.candidate(Version.parse("4790.0.1"), " ", "k7xq2m4pza", Version.parse("4790.0.0"),
                List.of("amd64"), List.of(), PipelineInputs.UNKNOWN, Optional.empty(), "build:k7xq2m4pza", "built", NOW))
                .isInstanceOf(InvalidReleaseException.class).hasMessageContaining("commit");
    }

    static Stream<Arguments> legalTransitions() {
        return Stream.of(
                legal("candidate -> ready", ReleaseState.CANDIDATE, r -> r.markReady("gates", "all gates hold", NOW), ReleaseState.READY),
                legal("candidate -> rejected", ReleaseState.CANDIDATE, r -> r.reject("gates", "boot failed 3 times", NOW), ReleaseState.REJECTED),
                legal("ready -> candidate", ReleaseState.READY, r -> r.revokeReadiness("tests", "kola failed", NOW), ReleaseState.CANDIDATE),
                legal("ready -> published", ReleaseState.READY, r -> r.publish("bob", "go", NOW), ReleaseState.PUBLISHED),
                legal("ready -> rejected", ReleaseState.READY, r -> r.reject("carol", "rejected", NOW), ReleaseState.REJECTED),
                legal("published -> superseded", ReleaseState.PUBLISHED, r -> r.supersede("bob", "4790.0.2", NOW), ReleaseState.SUPERSEDED),
                legal("published -> withdrawn", ReleaseState.PUBLISHED, r -> r.withdraw("bob", "CVE", NOW), ReleaseState.WITHDRAWN),
                legal("superseded -> published", ReleaseState.SUPERSEDED, r -> r.reinstate("bob", "rollback", NOW), ReleaseState.PUBLISHED),
                legal("superseded -> withdrawn", ReleaseState.SUPERSEDED, r -> r.withdraw("bob", "CVE", NOW), ReleaseState.WITHDRAWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalTransitions")
    void recordsEveryLegalTransitionWithActorReasonAndTime(String name, ReleaseState from, Function<Release, Release.Change> move,
            ReleaseState to) {
        Release before = in(from);

        Release.Change change = move.apply(before);

        assertThat(change.release().state()).isEqualTo(to);
        assertThat(change.transition()).extracting(Transition::from, Transition::to, Transition::at)
                .containsExactly(from, to, NOW);
        assertThat(change.release().history()).hasSize(before.history().size() + 1).last().isEqualTo(change.transition());
        assertThat(before.state()).as("the old value is unchanged").isEqualTo(from);
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                illegal("candidate cannot be published", ReleaseState.CANDIDATE, r -> r.publish("bob", "go", NOW)),
                illegal("candidate cannot be withdrawn", ReleaseState.CANDIDATE, r -> r.withdraw("bob", "x", NOW)),
                illegal("ready cannot be reinstated", ReleaseState.READY, r -> r.reinstate("bob", "rollback", NOW)),
                illegal("published cannot be published again", ReleaseState.PUBLISHED, r -> r.publish("bob", "go", NOW)),
                illegal("published cannot be rejected", ReleaseState.PUBLISHED, r -> r.reject("bob", "late", NOW)),
                illegal("published cannot go back to candidate", ReleaseState.PUBLISHED, r -> r.revokeReadiness("tests", "x", NOW)),
                illegal("superseded cannot be published, only reinstated", ReleaseState.SUPERSEDED, r -> r.publish("bob", "go", NOW)),
                illegal("rejected is final", ReleaseState.REJECTED, r -> r.markReady("gates", "x", NOW)),
                illegal("withdrawn is never served again", ReleaseState.WITHDRAWN, r -> r.reinstate("bob", "rollback", NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalTransitions")
    void refusesIllegalTransitionsWithAStableSlug(String name, ReleaseState from, Function<Release, Release.Change> move) {
        Release before = in(from);

        assertThatThrownBy(() -> move.apply(before))
                .isInstanceOfSatisfying(IllegalReleaseTransitionException.class, e -> {
                    assertThat(e.slug()).isEqualTo("illegal-release-transition");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.from()).isEqualTo(from);
                });
    }

    @Test
    void remembersWhenItWasFirstPublishedAcrossARollback() {
        Instant first = Instant.parse("2026-08-22T10:00:00Z");
        Release release = Releases.superseded("4593.2.5", first);

        Release reinstated = release.reinstate("bob", "rollback of 4593.2.6", NOW).release();

        assertThat(reinstated.publishedAt()).contains(first);
        assertThat(reinstated.history()).extracting(Transition::from, Transition::to, Transition::actor).containsExactly(
                tuple(null, ReleaseState.CANDIDATE, "build:k7xq2m4pza"),
                tuple(ReleaseState.CANDIDATE, ReleaseState.READY, "gates"),
                tuple(ReleaseState.READY, ReleaseState.PUBLISHED, "bob"),
                tuple(ReleaseState.PUBLISHED, ReleaseState.SUPERSEDED, "bob"),
                tuple(ReleaseState.SUPERSEDED, ReleaseState.PUBLISHED, "bob"));
    }

    @Test
    void refusesATransitionWithoutReasonOrBeforeTheLastOne() {
        Release ready = Releases.ready("4593.2.5");

        assertThatThrownBy(() -> ready.publish("bob", " ", NOW)).isInstanceOf(InvalidReleaseException.class);
        assertThatThrownBy(() -> ready.publish("bob", "go", Releases.BUILT.minusSeconds(1)))
                .isInstanceOf(InvalidReleaseException.class).hasMessageContaining("before its last one");
    }

    @Test
    void refusesAStoredHistoryThatSkipsAState() {
        Release candidate = Releases.candidate("4593.2.5");
        List<Transition> skipped = List.of(candidate.history().getFirst(),
                new Transition(ReleaseState.CANDIDATE, ReleaseState.PUBLISHED, "bob", "go", NOW));

        assertThatThrownBy(() -> new Release(candidate.version(), candidate.tag(), candidate.commit(), candidate.buildId(),
                candidate.sdkVersion(), candidate.arches(), candidate.vendors(), candidate.pipeline(), candidate.requestedBy(), skipped))
                .isInstanceOf(InvalidReleaseException.class).hasMessageContaining("breaks at entry 2");
    }

    private static Release in(ReleaseState state) {
        Instant at = Instant.parse("2026-08-22T10:00:00Z");
        return switch (state) {
            case CANDIDATE -> Releases.candidate("4593.2.5");
            case READY -> Releases.ready("4593.2.5");
            case PUBLISHED -> Releases.published("4593.2.5", at);
            case SUPERSEDED -> Releases.superseded("4593.2.5", at);
            case REJECTED -> Releases.candidate("4593.2.5").reject("gates", "failed", at).release();
            case WITHDRAWN -> Releases.withdrawn("4593.2.5", at);
        };
    }

    private static Arguments legal(String name, ReleaseState from, Function<Release, Release.Change> move, ReleaseState to) {
        return Arguments.of(name, from, move, to);
    }

    private static Arguments illegal(String name, ReleaseState from, Function<Release, Release.Change> move) {
        return Arguments.of(name, from, move);
    }
}
