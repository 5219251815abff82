package dev.kiln.localstack.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./kiln-local demo release}: walks a new major alpha -> beta -> stable through release-service's promotions
 * API, as the stack's demo identities. {@code release-manager-1} asks for each step; the example test system tests
 * each candidate on its own (it consumes the candidate event); once every required suite holds, the other release
 * manager approves (the requester alone cannot); where the channel's policy does not publish by itself, the requester
 * publishes. Every promotion state, gate change, approval and publication is printed as it happens.
 */
final class ReleaseWalk {

    static final String REQUESTER = "release-manager-1";
    private static final Set<String> FINISHED = Set.of("published", "failed", "cancelled");

    private final ReleaseApi api;
    private final PrintStream out;
    private final Duration stageTimeout;
    private final Duration poll;
    private final Instant start = Instant.now();
    private final Map<String, Boolean> autoPublish = new HashMap<>();

    ReleaseWalk(ReleaseApi api, PrintStream out, Duration stageTimeout, Duration poll) {
        this.api = api;
        this.out = out;
        this.stageTimeout = stageTimeout;
        this.poll = poll;
    }

    /** The walk failed: a refused request, a failed or cancelled promotion, or a stage that took too long. */
    static final class WalkFailed extends RuntimeException {
        WalkFailed(String message) {
            super(message);
        }
    }

    /** Walks the three channels; returns the versions published in alpha, beta and stable. */
    List<String> run(List<String> arches, List<String> vendors) {
        Map<String, Object> newMajor = new LinkedHashMap<>();
        newMajor.put("type", "new-major");
        newMajor.put("arches", arches);
        newMajor.put("vendors", vendors);
        String alpha = stage("a new major in alpha", newMajor);
        String beta = stage("promote " + alpha + " to beta", promotion(alpha, "beta"));
        String stable = stage("promote " + beta + " to stable", promotion(beta, "stable"));
        out.printf("%n%6.1fs  walked a new major through alpha (%s), beta (%s) and stable (%s)%n", seconds(), alpha, beta,
                stable);
        return List.of(alpha, beta, stable);
    }

    private static Map<String, Object> promotion(String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "promotion");
        body.put("from", from);
        body.put("to", to);
        return body;
    }

    /** One promotion request from its creation until it is published; returns the version it published. */
    private String stage(String title, Map<String, Object> request) {
        out.printf("%n== %s%n", title);
        ReleaseApi.Answer created = api.post(REQUESTER, "/api/v1/promotions", request, UUID.randomUUID().toString());
        out.printf("%6.1fs  %s: POST /api/v1/promotions %s -> %d%n", seconds(), REQUESTER, ReleaseApi.json(request),
                created.status());
        if (!created.ok()) {
            throw new WalkFailed(title + " was refused: " + created.problem());
        }
        Progress progress = new Progress(created.body().path("id").asText());
        JsonNode promotion = created.body();
        Instant deadline = Instant.now().plus(stageTimeout);
        while (true) {
            progress.show(promotion);
            String state = promotion.path("state").asText();
            if (FINISHED.contains(state)) {
                if (!state.equals("published")) {
                    throw new WalkFailed("promotion " + progress.id + " ended " + state + ": "
                            + promotion.path("reason").asText("(no reason given)"));
                }
                return promotion.path("version").asText();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new WalkFailed("promotion " + progress.id + " is still " + state + " after " + stageTimeout.toMinutes()
                        + " min; see ./kiln-local status and the logs");
            }
            sleep();
            promotion = api.get("/api/v1/promotions/" + progress.id)
                    .orElseThrow(() -> new WalkFailed("promotion " + progress.id + " is gone"));
        }
    }

    /** What one stage printed and did so far, so that each change is printed and each action taken once. */
    private final class Progress {
        private final String id;
        private final Map<String, String> gateLines = new LinkedHashMap<>();
        private int historyShown;
        private String versionShown;
        private boolean approved;
        private boolean published;

        Progress(String id) {
            this.id = id;
        }

        void show(JsonNode promotion) {
            List<JsonNode> history = new ArrayList<>();
            promotion.path("history").forEach(history::add);
            for (JsonNode entry : history.subList(Math.min(historyShown, history.size()), history.size())) {
                String line = String.format("promotion %s: %-17s %s%s", shortId(id), entry.path("state").asText(),
                        entry.path("actor").isTextual() ? "by " + entry.path("actor").asText() : "",
                        entry.path("reason").isTextual() ? ": " + entry.path("reason").asText() : "");
                out.printf("%6.1fs  %s%n", seconds(), line.stripTrailing());
            }
            historyShown = Math.max(historyShown, history.size());
            String version = promotion.path("version").asText(null);
            if (version == null) {
                return;
            }
            if (!version.equals(versionShown)) {
                versionShown = version;
                out.printf("%6.1fs  version %s for %s%s%n", seconds(), version, promotion.path("channel").asText(),
                        promotion.path("buildId").isTextual() ? ", build " + promotion.path("buildId").asText() : "");
            }
            api.get("/api/v1/releases/" + version + "/gates").ifPresent(gates -> act(promotion, version, gates));
        }

        private void act(JsonNode promotion, String version, JsonNode gates) {
            printChanges(gates);
            String channel = gates.path("channel").asText();
            boolean suitesHold = true;
            boolean approvalsHold = true;
            for (JsonNode requirement : gates.path("requirements")) {
                boolean satisfied = "satisfied".equals(requirement.path("status").asText());
                switch (requirement.path("kind").asText()) {
                    case "suite" -> suitesHold &= satisfied;
                    case "approvals" -> approvalsHold &= satisfied;
                    default -> { }
                }
            }
            if (suitesHold && !approvalsHold && !approved) {
                approve(promotion, version, channel);
            }
            if ("ready".equals(gates.path("state").asText()) && !published && !autoPublishes(channel)) {
                publish(version, channel);
            }
        }

        private void approve(JsonNode promotion, String version, String channel) {
            String requester = promotion.path("requestedBy").asText(REQUESTER);
            for (String manager : releaseManagersOtherThan(requester)) {
                ReleaseApi.Answer answer = api.post(manager, "/api/v1/releases/" + version + "/approvals",
                        Map.of("decision", "approve", "comment", "go for " + channel + ": every required suite passed"), null);
                out.printf("%6.1fs  %s approves %s (%s asked, and cannot approve alone): %s%n", seconds(), manager, version,
                        requester, answer.ok() ? answer.status() + ", release " + answer.body().path("releaseState").asText()
                                : answer.problem());
            }
            approved = true;
        }

        private void publish(String version, String channel) {
            ReleaseApi.Answer answer = api.post(REQUESTER, "/api/v1/channels/" + channel + "/publications",
                    Map.of("version", version), null);
            out.printf("%6.1fs  %s publishes %s in %s (the policy does not publish by itself): %s%n", seconds(), REQUESTER,
                    version, channel, answer.ok() ? String.valueOf(answer.status()) : answer.problem());
            published = answer.ok();
        }

        private void printChanges(JsonNode gates) {
            String verdict = "verdict " + gates.path("verdict").asText() + ", release " + gates.path("state").asText();
            if (!verdict.equals(gateLines.put("verdict", verdict))) {
                out.printf("%6.1fs    gates of %s: %s%n", seconds(), gates.path("version").asText(), verdict);
            }
            for (JsonNode requirement : gates.path("requirements")) {
                String key = describe(requirement);
                String line = String.format("%-9s %s%s", requirement.path("status").asText(), requirement.path("detail").asText(),
                        attempts(requirement));
                if (!line.equals(gateLines.put(key, line))) {
                    out.printf("%6.1fs    gate %-28s %s%n", seconds(), key, line);
                }
            }
        }
    }

    private boolean autoPublishes(String channel) {
        return autoPublish.computeIfAbsent(channel, c -> api.get("/api/v1/channels/" + c)
                .map(ch -> ch.path("policy").path("autoPublish").asBoolean(false)).orElse(false));
    }

    private static List<String> releaseManagersOtherThan(String requester) {
        return DemoRelease.IDENTITIES.entrySet().stream().filter(e -> e.getValue().equals("releaser"))
                .map(Map.Entry::getKey).filter(name -> !name.equals(requester)).toList();
    }

    /** {@code kola on amd64/qemu_uefi}, {@code approvals}, {@code soak}. */
    private static String describe(JsonNode requirement) {
        String kind = requirement.path("kind").asText();
        if (!kind.equals("suite")) {
            return kind;
        }
        return requirement.path("suite").asText() + " on " + requirement.path("arch").asText()
                + (requirement.path("vendor").isTextual() ? "/" + requirement.path("vendor").asText() : "");
    }

    /** {@code  [attempt 1 failed, attempt 2 passed]} for a suite with reports. */
    private static String attempts(JsonNode requirement) {
        List<String> attempts = new ArrayList<>();
        requirement.path("attempts").forEach(a -> attempts.add("attempt " + a.path("attempt").asInt() + " "
                + a.path("result").asText()));
        return attempts.isEmpty() ? "" : " [" + String.join(", ", attempts) + "]";
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private double seconds() {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private void sleep() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalkFailed("interrupted");
        }
    }
}
