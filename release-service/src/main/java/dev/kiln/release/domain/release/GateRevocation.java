package dev.kiln.release.domain.release;

/**
 * What a failed gate does to a release already published: nothing more when it is already at risk; otherwise it
 * is marked at risk (and an event says so), and with the channel's {@code autoRollback} the channel is rolled back
 * where it is current. Candidates and ready releases are {@code GateProgress}'s; superseded ones serve nobody.
 */
public enum GateRevocation {
    NONE,
    MARK_AT_RISK,
    MARK_AT_RISK_AND_ROLL_BACK;

    public static GateRevocation decide(ReleaseState state, boolean gatesFailed, boolean alreadyAtRisk, boolean autoRollback) {
        if (state != ReleaseState.PUBLISHED || !gatesFailed || alreadyAtRisk) {
            return NONE;
        }
        return autoRollback ? MARK_AT_RISK_AND_ROLL_BACK : MARK_AT_RISK;
    }
}
