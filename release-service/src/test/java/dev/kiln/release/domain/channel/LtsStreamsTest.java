package dev.kiln.release.domain.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LtsStreamsTest {

    @Test
    void aMajorsYearIsTheYearOfItsFirstLtsPublicationAndStaysSo() {
        assertThat(LtsStreams.yearOf(4081, Map.of(), Instant.parse("2025-03-04T10:00:00Z"))).isEqualTo(2025);
        assertThat(LtsStreams.yearOf(4081, Map.of(4081, 2025), Instant.parse("2026-01-10T10:00:00Z"))).isEqualTo(2025);
    }

    @Test
    void aSecondNewStreamInOneYearTakesTheNextYearsName() {
        assertThat(LtsStreams.yearOf(4100, Map.of(4081, 2025), Instant.parse("2025-11-04T10:00:00Z"))).isEqualTo(2026);
    }

    @Test
    void ltsInfoListsEveryStreamOldestFirstWithTheTwoNewestSupported() {
        assertThat(LtsStreams.info(Map.of(3815, 2024, 3033, 2022, 3510, 2023, 4081, 2025))).isEqualTo("""
                3033:2022:unsupported
                3510:2023:unsupported
                3815:2024:supported
                4081:2025:supported
                """);
    }

    @Test
    void noStreamNoLines() {
        assertThat(LtsStreams.info(Map.of())).isEmpty();
        assertThat(LtsStreams.info(Map.of(4081, 2025))).isEqualTo("4081:2025:supported\n");
    }

    @Test
    void pointerNameIsCurrentDashYear() {
        assertThat(LtsStreams.pointerName(2024)).isEqualTo("current-2024");
    }
}
