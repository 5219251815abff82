package dev.kiln.release.domain.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.Releases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointerPlanTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Map<Integer, Integer> LTS_YEARS = Map.of(3815, 2024, 4081, 2025);

    private static ChannelBoard published(Channel channel, String... versions) {
        ChannelBoard board = ChannelBoard.empty(channel);
        Instant at = T0;
        for (String version : versions) {
            var release = Releases.published(version, at);
            board = board.publish("amd64", release, "bob", "go", at).board().publish("arm64", release, "bob", "go", at).board();
            at = at.plusSeconds(86400);
        }
        return board;
    }

    private static Pointer p(String arch, String name, String version) {
        return new Pointer(arch, name, Version.parse(version));
    }

    @Test
    void everyArchWithACurrentReleaseHasCurrent() {
        assertThat(PointerPlan.desired(published(Channel.STABLE, "4593.2.4", "4593.2.5"), Map.of()))
                .containsExactly(p("amd64", "current", "4593.2.5"), p("arm64", "current", "4593.2.5"));
    }

    @Test
    void ltsHasAYearPointerPerStreamBesideCurrent() {
        ChannelBoard lts = published(Channel.LTS, "3815.3.9", "4081.3.1");

        assertThat(PointerPlan.desired(lts, LTS_YEARS)).containsExactly(
                p("amd64", "current", "4081.3.1"), p("amd64", "current-2024", "3815.3.9"), p("amd64", "current-2025", "4081.3.1"),
                p("arm64", "current", "4081.3.1"), p("arm64", "current-2024", "3815.3.9"), p("arm64", "current-2025", "4081.3.1"));
    }

    @Test
    void aWithdrawnReleaseLeavesItsStreamPointerOnTheStreamsPreviousRelease() {
        ChannelBoard lts = published(Channel.LTS, "4081.3.1", "4081.3.2");
        ChannelBoard after = lts.withdraw(Version.parse("4081.3.2"), "bob", "CVE", T0.plusSeconds(7 * 86400)).board();

        assertThat(PointerPlan.desired(after, LTS_YEARS)).contains(p("amd64", "current", "4081.3.1"),
                p("amd64", "current-2025", "4081.3.1"));
    }

    @Test
    void stepsSetEveryDesiredPointerAndRemoveTheOnesNoLongerWanted() {
        List<Pointer> before = List.of(p("amd64", "current", "4081.3.1"), p("amd64", "current-2025", "4081.3.1"));
        List<Pointer> after = List.of(p("amd64", "current", "3815.3.9"), p("amd64", "current-2024", "3815.3.9"));

        PointerPlan.Steps steps = PointerPlan.between(before, after);

        assertThat(steps.moves()).isEqualTo(after);
        assertThat(steps.removals()).containsExactly(p("amd64", "current-2025", "4081.3.1"));
    }
}
