package dev.kiln.release.domain.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.Releases;
import dev.kiln.release.domain.release.Release;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelBoardTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-08-25T10:00:00Z");

    /** Stable with the given versions published on amd64 and arm64 in order, a week apart. */
    private static ChannelBoard stable(String... versions) {
        ChannelBoard board = ChannelBoard.empty(Channel.STABLE);
        Instant at = T0;
        for (String version : versions) {
            Release release = Releases.published(version, at);
            board = board.publish("amd64", release, "bob", "go", at).board().publish("arm64", release, "bob", "go", at).board();
            at = at.plusSeconds(7 * 86400);
        }
        return board;
    }

    private static Optional<Version> v(String version) {
        return Optional.of(Version.parse(version));
    }

    @Test
    void publishingMovesCurrentAndRecordsWhoAndWhy() {
        ChannelBoard board = stable("4459.2.4");

        ChannelBoard.Change change = board.publish("amd64", Releases.published("4593.2.5", NOW), "carol", "go/no-go passed", NOW);

        assertThat(change.board().current("amd64")).isEqualTo(v("4593.2.5"));
        assertThat(change.board().current("arm64")).as("arches move on their own").isEqualTo(v("4459.2.4"));
        assertThat(change.entries()).extracting(BoardEntry::action, BoardEntry::actor, BoardEntry::reason, BoardEntry::at)
                .containsExactly(tuple(BoardEntry.Action.PUBLISH, "carol", "go/no-go passed", NOW));
        assertThat(board.current("amd64")).as("the old value is unchanged").isEqualTo(v("4459.2.4"));
    }

    @ParameterizedTest(name = "{0} withdrawn {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "4459.2.4,4593.2.4,4593.2.5|         |4593.2.4",
            "4459.2.4,4593.2.4,4593.2.5|4593.2.4 |4459.2.4",
            "4459.2.4,4593.2.4,4593.2.5|4593.2.4,4459.2.4|",
            "4593.2.5                  |         |"})
    void findsThePreviousPublishedNotWithdrawnRelease(String published, String withdrawn, String expected) {
        ChannelBoard board = stable(published.strip().split(","));
        if (withdrawn != null) {
            for (String version : withdrawn.split(",")) {
                board = board.withdraw(Version.parse(version), "bob", "CVE", NOW).board();
            }
        }

        assertThat(board.rollbackTarget("amd64")).isEqualTo(Optional.ofNullable(expected).map(Version::parse));
    }

    @Test
    void rollsBackFurtherOnEachRollback() {
        ChannelBoard board = stable("4459.2.4", "4593.2.4", "4593.2.5");

        ChannelBoard once = board.rollback("amd64", "bob", "boot loop on AWS", NOW).board();
        ChannelBoard twice = once.rollback("amd64", "bob", "still broken", NOW).board();

        assertThat(once.current("amd64")).isEqualTo(v("4593.2.4"));
        assertThat(twice.current("amd64")).isEqualTo(v("4459.2.4"));
        assertThat(twice.history("amd64")).extracting(BoardEntry::action).endsWith(BoardEntry.Action.ROLLBACK, BoardEntry.Action.ROLLBACK);
        assertThatThrownBy(() -> twice.rollback("amd64", "bob", "again", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.slug()).isEqualTo("no-rollback-target"));
    }

    @Test
    void withdrawingTheCurrentReleaseRollsBackEveryArch() {
        ChannelBoard board = stable("4459.2.4", "4593.2.5");

        ChannelBoard.Change change = board.withdraw(Version.parse("4593.2.5"), "bob", "CVE-2026-1234", NOW);

        assertThat(change.entries()).extracting(BoardEntry::action, BoardEntry::arch, BoardEntry::current).containsExactly(
                tuple(BoardEntry.Action.WITHDRAW, "amd64", v("4459.2.4")),
                tuple(BoardEntry.Action.WITHDRAW, "arm64", v("4459.2.4")));
        assertThat(change.board().withdrawn()).containsExactly(Version.parse("4593.2.5"));
    }

    @Test
    void withdrawingAnOlderReleaseLeavesCurrentAlone() {
        ChannelBoard board = stable("4459.2.4", "4593.2.5");

        ChannelBoard after = board.withdraw(Version.parse("4459.2.4"), "bob", "CVE", NOW).board();

        assertThat(after.current("amd64")).isEqualTo(v("4593.2.5"));
        assertThat(after.rollbackTarget("amd64")).isEmpty();
    }

    @Test
    void withdrawingTheOnlyReleaseLeavesNothingCurrent() {
        ChannelBoard after = stable("4593.2.5").withdraw(Version.parse("4593.2.5"), "bob", "CVE", NOW).board();

        assertThat(after.current("amd64")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"withdrawn twice, 4593.2.5, release-withdrawn, GONE", "never published here, 4593.2.6, not-in-channel, NOT_FOUND"})
    void refusesWithdrawingWhatIsNotServed(String name, String version, String slug, DomainException.Kind kind) {
        ChannelBoard board = stable("4593.2.5").withdraw(Version.parse("4593.2.5"), "bob", "CVE", NOW).board();

        assertThatThrownBy(() -> board.withdraw(Version.parse(version), "bob", "again", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.slug()).isEqualTo(slug);
                    assertThat(e.kind()).isEqualTo(kind);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a beta release on stable, 4593.1.4, amd64, published, wrong-channel",
            "a release not yet published, 4593.2.6, amd64, ready, release-not-published",
            "an arch not built, 4593.2.6, riscv, published, arch-not-built",
            "the current release again, 4593.2.5, amd64, published, not-newer-than-current",
            "an older release, 4459.2.4, amd64, published, not-newer-than-current"})
    void refusesIllegalPublications(String name, String version, String arch, String state, String slug) {
        ChannelBoard board = stable("4593.2.5");
        Release release = state.equals("ready") ? Releases.ready(version) : Releases.published(version, NOW);

        assertThatThrownBy(() -> board.publish(arch, release, "bob", "go", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.slug()).isEqualTo(slug));
        assertThat(board.current("amd64")).isEqualTo(v("4593.2.5"));
    }
}
