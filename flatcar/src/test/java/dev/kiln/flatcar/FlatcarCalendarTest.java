package dev.kiln.flatcar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlatcarCalendarTest {

    private final FlatcarCalendar calendar = new FlatcarCalendar(FlatcarCalendar.FLATCAR_EPOCH);

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            // moment (UTC)          | major | nightly build id      | the real tag this reproduces
            "2026-08-21T21:00:00Z,     4799,   nightly-20260821-2100",  // main-4799.0.0-nightly-20260821-2100
            "2022-04-04T01:40:00Z,     3199,   nightly-20220404-0140",  // sdk-3199.0.0-nightly-20220404-0140
            "2023-05-08T21:00:00Z,     3598,   nightly-20230508-2100",  // 3598.0.0-nightly-20230508-2100 (SDK container)
            "2026-08-12T09:30:00Z,     4790,   nightly-20260812-0930",  // alpha-4790.0.0 was branched that day
            "2026-01-27T00:00:00Z,     4593,   nightly-20260127-0000",  // flatcar-4593
            "2013-07-01T00:00:00Z,     0,      nightly-20130701-0000",
            "2026-08-21T23:59:59Z,     4799,   nightly-20260821-2359",
            "2026-08-22T00:00:00Z,     4800,   nightly-20260822-0000",
    })
    void majorIsDaysSinceTheEpochInUtcAndTheNightlyIdIsTheMinute(Instant now, int major, String buildId) {
        assertThat(calendar.majorAt(now)).isEqualTo(major);
        assertThat(calendar.nightlyBuildId(now)).isEqualTo(buildId);
    }

    @ParameterizedTest(name = "{0} nightly={1}")
    @CsvSource({"nightly-20260821-2100, true", "nightly-20260821-2100-INTERMEDIATE, true", "nightly2, false", "dev23, false"})
    void recognisesNightlyBuildIds(String buildId, boolean nightly) {
        assertThat(FlatcarCalendar.isNightly(buildId)).isEqualTo(nightly);
    }
}
