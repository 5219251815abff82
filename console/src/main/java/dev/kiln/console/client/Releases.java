package dev.kiln.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** release-service's releases, gates, channels and promotion requests (docs/api/release-service.md, contracts 2). */
public final class Releases {

    private Releases() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(String version, String tag, String channel, String state, String commit, String buildId,
            String sdkVersion, List<String> arches, List<String> vendors, String requestedBy, Instant createdAt,
            Boolean atRisk, List<Transition> transitions) {

        public boolean open() {
            return state.equals("candidate") || state.equals("ready");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transition(String from, String to, String actor, String reason, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gates(String version, String channel, String state, String verdict, List<Requirement> requirements) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirement(String kind, String status, String detail, String suite, String arch, String vendor,
            Integer flakeAttempts, List<Attempt> attempts, String minimum, Instant sourcePublishedAt, String remaining,
            Integer required, List<String> counted, List<Decision> decisions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(String reportId, int attempt, String result, String detailsUrl, Instant receivedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(String identity, String decision, String comment, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String channel, Policy policy, List<ArchBoard> arches) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Policy(int flakeAttempts, String minimumSoak, int requiredApprovals, boolean autoPublish,
            boolean autoRollback) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArchBoard(String arch, String current, List<BoardEntry> history) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BoardEntry(String action, String version, String current, String actor, String reason, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Promotion(String id, String type, String state, String channel, Integer major, String from, String to,
            String version, String buildId, String requestedBy, String reason, String queuedBehind, Instant createdAt,
            Instant updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalRequest(String decision, String comment) {
    }

    public record PublicationRequest(String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RollbackRequest(String arch, String reason) {
    }

    public record WithdrawRequest(String reason) {
    }

    /** A release request (contracts.md section 2): new-major, promotion (from, to) or patch (channel, major). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PromotionRequest(String type, String from, String to, String channel, Integer major,
            List<String> arches, List<String> vendors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CancelPromotionRequest(String reason) {
    }
}
