package dev.kiln.release.domain.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateRevocationTest {

    @ParameterizedTest
    @CsvSource({
            "PUBLISHED, true,  false, false, MARK_AT_RISK",
            "PUBLISHED, true,  false, true,  MARK_AT_RISK_AND_ROLL_BACK",
            "PUBLISHED, true,  true,  true,  NONE",
            "PUBLISHED, false, false, true,  NONE",
            "SUPERSEDED, true, false, true,  NONE",
            "READY,     true,  false, true,  NONE",
            "CANDIDATE, true,  false, false, NONE"})
    void onlyANewlyFailedGateOfAPublishedReleaseActs(ReleaseState state, boolean failed, boolean atRisk, boolean autoRollback,
            GateRevocation expected) {
        assertThat(GateRevocation.decide(state, failed, atRisk, autoRollback)).isEqualTo(expected);
    }
}
