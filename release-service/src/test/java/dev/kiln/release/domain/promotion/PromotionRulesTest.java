package dev.kiln.release.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.Releases;
import dev.kiln.release.domain.gate.GatePolicy;
import dev.kiln.release.domain.gate.InvalidGatePolicyException;
import dev.kiln.release.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionRulesTest {

    private static final Instant NOW = Instant.parse("2026-08-25T10:00:00Z");
    private static final List<Release> RELEASES = List.of(
            Releases.published("4790.0.1", Instant.parse("2026-08-10T10:00:00Z")),
            Releases.candidate("4790.0.2"),
            Releases.published("4815.0.0", Instant.parse("2026-08-01T10:00:00Z")),
            Releases.withdrawn("4815.0.1", Instant.parse("2026-08-05T10:00:00Z")),
            Releases.published("4810.0.0", Instant.parse("2026-08-22T10:00:00Z")),
            Releases.withdrawn("4800.0.0", Instant.parse("2026-08-15T10:00:00Z")),
            Releases.superseded("4593.1.4", Instant.parse("2026-06-01T10:00:00Z")),
            Releases.published("4593.2.5", Instant.parse("2026-07-01T10:00:00Z")),
            Releases.published("4230.3.2", Instant.parse("2026-03-01T10:00:00Z")));

    private final PromotionRules rules = new PromotionRules(policies(Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)));

    private static List<GatePolicy> policies(Duration beta, Duration stable, Duration lts) {
        return List.of(policy(Channel.ALPHA, Duration.ZERO), policy(Channel.BETA, beta), policy(Channel.STABLE, stable),
                policy(Channel.LTS, lts));
    }

    private static GatePolicy policy(Channel channel, Duration soak) {
        return new GatePolicy(channel, List.of(), 3, soak, 1, false, false);
    }

    private static PromotionView view(OpenRequest... open) {
        return new PromotionView(RELEASES, List.of(open));
    }

    private static ReleaseRequest promote(String from, String to) {
        return new ReleaseRequest.Promotion(Version.parse(from), Channel.ofId(to).orElseThrow());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "4593.2.5, alpha, promotion-not-forward, ILLEGAL",
            "4790.0.1, alpha, promotion-not-forward, ILLEGAL",
            "4593.1.4, alpha, promotion-not-forward, ILLEGAL",
            "4230.3.2, stable, promotion-not-forward, ILLEGAL",
            "4790.0.1, stable, promotion-skips-channel, ILLEGAL",
            "4790.0.1, lts, promotion-skips-channel, ILLEGAL",
            "4790.0.9, beta, unknown-release, NOT_FOUND",
            "4800.0.0, beta, source-withdrawn, ILLEGAL",
            "4790.0.2, beta, source-not-published, ILLEGAL",
            "4790.0.1, beta, source-not-newest, ILLEGAL",
            "4815.0.0, beta, source-not-newest, ILLEGAL",
            "4593.1.4, stable, already-promoted, CONFLICT",
            "4810.0.0, beta, soak-not-met, ILLEGAL",
            "4799.0.0+nightly-20260821-2100, beta, invalid-promotion-source, INVALID"})
    void refusesIllegalPromotions(String from, String to, String slug, DomainException.Kind kind) {
        Decision decision = rules.decide(promote(from, to), view(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refuse.class, refuse -> {
            assertThat(refuse.slug()).isEqualTo(slug);
            assertThat(refuse.exception().kind()).isEqualTo(kind);
        });
    }

    @Test
    void rejectsPromotionFromStableToAlpha() {
        Decision decision = rules.decide(promote("4593.2.5", "alpha"), view(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refuse.class,
                r -> assertThat(r.detail()).isEqualTo("a release of stable cannot be promoted to alpha; its next channel is lts"));
    }

    @Test
    void namesTheNewerReleaseThatAnOlderSourceWouldPassOverEvenWhenItWasWithdrawn() {
        Decision decision = rules.decide(promote("4815.0.0", "beta"), view(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refuse.class, r -> assertThat(r.detail()).isEqualTo(
                "4815.0.0 is not the newest alpha release of major 4815: 4815.0.1 (withdrawn) is, and a promotion starts "
                        + "from the newest tag of its channel; promote that one, or make a patch release in alpha first"));
    }

    @Test
    void saysHowMuchSoakIsLeft() {
        Decision decision = rules.decide(promote("4810.0.0", "beta"), view(), NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refuse.class,
                r -> assertThat(r.detail()).isEqualTo("4810.0.0 soaked PT72H of PT168H in alpha; PT96H left"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"4593.2.5, lts, 4593", "4810.0.0, beta, 4810"})
    void letsALegalPromotionProceedInItsLane(String from, String to, int major) {
        PromotionRules noBetaSoak = new PromotionRules(policies(Duration.ZERO, Duration.ofDays(14), Duration.ofDays(30)));

        Decision decision = noBetaSoak.decide(promote(from, to), view(), NOW);

        assertThat(decision).isEqualTo(new Decision.Proceed(Lane.of(Channel.ofId(to).orElseThrow(), major)));
    }

    @Test
    void queuesBehindTheNewestOpenRequestOfTheSameChannelAndMajor() {
        OpenRequest first = new OpenRequest("req-1", Lane.of(Channel.LTS, 4593), NOW.minusSeconds(600));
        OpenRequest second = new OpenRequest("req-2", Lane.of(Channel.LTS, 4593), NOW.minusSeconds(60));
        OpenRequest otherMajor = new OpenRequest("req-3", Lane.of(Channel.LTS, 4230), NOW);

        Decision decision = rules.decide(promote("4593.2.5", "lts"), view(second, first, otherMajor), NOW);

        assertThat(decision).isEqualTo(new Decision.Queue(Lane.of(Channel.LTS, 4593), "req-2"));
    }

    @Test
    void refusesBeforeQueueingAnIllegalRequest() {
        OpenRequest open = new OpenRequest("req-1", Lane.of(Channel.STABLE, 4790), NOW);

        Decision decision = rules.decide(promote("4790.0.1", "stable"), view(open), NOW);

        assertThat(decision).isInstanceOf(Decision.Refuse.class);
    }

    @ParameterizedTest(name = "patch {0} {1}: {2}")
    @CsvSource({"stable, 4593, proceed", "lts, 4230, proceed", "alpha, 4800, proceed", "beta, 4790, nothing-to-patch",
            "alpha, 4790, proceed", "stable, 4790, nothing-to-patch"})
    void allowsPatchesOnlyOfAMajorPublishedInTheChannel(String channel, int major, String expected) {
        Channel in = Channel.ofId(channel).orElseThrow();

        Decision decision = rules.decide(new ReleaseRequest.Patch(in, major), view(), NOW);

        if (expected.equals("proceed")) {
            assertThat(decision).isEqualTo(new Decision.Proceed(Lane.of(in, major)));
        } else {
            assertThat(decision).isInstanceOfSatisfying(Decision.Refuse.class, r -> assertThat(r.slug()).isEqualTo(expected));
        }
    }

    @Test
    void queuesAPatchBehindAPromotionIntoTheSameChannelAndMajor() {
        OpenRequest promotion = new OpenRequest("req-9", Lane.of(Channel.STABLE, 4593), NOW.minusSeconds(60));

        Decision decision = rules.decide(new ReleaseRequest.Patch(Channel.STABLE, 4593), view(promotion), NOW);

        assertThat(decision).isEqualTo(new Decision.Queue(Lane.of(Channel.STABLE, 4593), "req-9"));
    }

    @Test
    void queuesANewMajorBehindAnotherNewMajor() {
        OpenRequest open = new OpenRequest("req-5", Lane.newMajor(), NOW.minusSeconds(60));

        assertThat(rules.decide(new ReleaseRequest.NewMajor(), view(), NOW)).isEqualTo(new Decision.Proceed(Lane.newMajor()));
        assertThat(rules.decide(new ReleaseRequest.NewMajor(), view(open), NOW)).isEqualTo(new Decision.Queue(Lane.newMajor(), "req-5"));
        assertThat(Lane.newMajor()).hasToString("alpha/new-major");
    }

    @Test
    void needsExactlyOnePolicyPerChannel() {
        List<GatePolicy> withoutLts = policies(Duration.ZERO, Duration.ZERO, Duration.ZERO).subList(0, 3);

        assertThatThrownBy(() -> new PromotionRules(withoutLts))
                .isInstanceOf(InvalidGatePolicyException.class).hasMessageContaining("no policy for lts");
        assertThatThrownBy(() -> new PromotionRules(List.of(policy(Channel.BETA, Duration.ZERO), policy(Channel.BETA, Duration.ZERO))))
                .isInstanceOf(InvalidGatePolicyException.class).hasMessageContaining("two policies for beta");
    }
}
