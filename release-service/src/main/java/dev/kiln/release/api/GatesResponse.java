package dev.kiln.release.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.release.domain.gate.Approval;
import dev.kiln.release.domain.gate.GateReport;
import dev.kiln.release.domain.gate.Requirement;
import dev.kiln.release.domain.gate.TestReport;
import dev.kiln.release.domain.release.Release;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Every requirement of a release's gates with its status and the evidence that decides it, and the verdict. */
public record GatesResponse(String version, String channel, String state, String verdict, List<RequirementResponse> requirements) {

    /**
     * One requirement; {@code kind} says which fields are set: {@code suite} (suite, arch, vendor, flakeAttempts, attempts),
     * {@code soak} (minimum, sourcePublishedAt, remaining, ISO-8601 durations) or {@code approvals} (required, counted, decisions).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequirementResponse(String kind, String status, String detail, String suite, String arch, String vendor,
            Integer flakeAttempts, List<AttemptResponse> attempts, String minimum, Instant sourcePublishedAt, String remaining,
            Integer required, List<String> counted, List<DecisionResponse> decisions) {
    }

    public record AttemptResponse(String reportId, int attempt, String result, String detailsUrl, Instant receivedAt) {
    }

    public record DecisionResponse(String identity, String decision, String comment, Instant at) {
    }

    static GatesResponse of(Release release, GateReport report) {
        return new GatesResponse(release.version().toString(), release.channel().id(), release.state().id(),
                lower(report.verdict().name()), report.requirements().stream().map(GatesResponse::requirement).toList());
    }

    private static RequirementResponse requirement(Requirement requirement) {
        String status = requirement.status().id();
        return switch (requirement) {
            case Requirement.Suite s -> new RequirementResponse("suite", status, s.detail(), s.suite(), s.arch(), s.vendor(),
                    s.flakeAttempts(), s.attempts().stream().map(GatesResponse::attempt).toList(), null, null, null, null, null, null);
            case Requirement.Soak s -> new RequirementResponse("soak", status, s.detail(), null, null, null, null, null,
                    s.minimum().toString(), s.sourcePublishedAt().orElse(null), s.remaining().toString(), null, null, null);
            case Requirement.Approvals a -> new RequirementResponse("approvals", status, a.detail(), null, null, null, null, null,
                    null, null, null, a.required(), a.counted(), a.decisions().stream().map(GatesResponse::decision).toList());
        };
    }

    static AttemptResponse attempt(TestReport r) {
        return new AttemptResponse(r.reportId(), r.attempt(), lower(r.result().name()), r.detailsUrl(), r.receivedAt());
    }

    static DecisionResponse decision(Approval a) {
        return new DecisionResponse(a.identity(), lower(a.decision().name()), a.comment(), a.at());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
