package dev.kiln.release.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleasesFeedTest {

    private static final FeedEntry STABLE_5 = new FeedEntry(Version.parse("4593.2.5"), Channel.STABLE, List.of("amd64", "arm64"),
            Instant.parse("2026-11-20T13:33:43Z"), Map.of("kernel", List.of("6.6.60"), "systemd", List.of("256")), "");
    private static final FeedEntry STABLE_4 = new FeedEntry(Version.parse("4593.2.4"), Channel.STABLE, List.of("amd64"),
            Instant.parse("2026-10-30T09:00:00Z"), Map.of(), null);
    private static final FeedEntry ALPHA = new FeedEntry(Version.parse("4790.0.1"), Channel.ALPHA, List.of("amd64", "arm64"),
            Instant.parse("2026-12-01T10:00:00Z"), Map.of("docker", List.of("27.4.1")), "");

    @Test
    void keysEveryVersionNewestFirstInFlatcarsShape() {
        Map<String, Object> feed = ReleasesFeed.all(List.of(STABLE_4, ALPHA, STABLE_5));

        assertThat(feed.keySet()).containsExactly("4790.0.1", "4593.2.5", "4593.2.4");
        assertThat(feed.get("4593.2.5")).isEqualTo(Map.of("channel", "stable", "architectures", List.of("amd64", "arm64"),
                "release_date", "2026-11-20 13:33:43 +0000", "major_software", Map.of("kernel", List.of("6.6.60"),
                        "systemd", List.of("256")), "release_notes", ""));
    }

    @Test
    void aChannelsFeedHasOnlyItsReleasesAndACopyOfItsCurrentOne() {
        Map<String, Object> feed = ReleasesFeed.channel(Channel.STABLE, List.of(STABLE_4, ALPHA, STABLE_5),
                Optional.of(Version.parse("4593.2.5")));

        assertThat(feed.keySet()).containsExactly("4593.2.5", "4593.2.4", "current");
        assertThat(feed.get("current")).isEqualTo(feed.get("4593.2.5"));
    }

    @Test
    void aChannelWithNothingCurrentHasNoCurrentKey() {
        assertThat(ReleasesFeed.channel(Channel.BETA, List.of(STABLE_5), Optional.empty())).isEmpty();
    }
}
