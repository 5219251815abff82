package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.TestReported;
import dev.kiln.events.kafka.IncomingEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./kiln-local demo release} on the real stack, then what a release manager meets after it, on the same stack.
 *
 * <p>The walk: a new major is built, tested by the example test system, approved and published in alpha, then promoted
 * (rebuilt, tested, approved, published) to beta and stable; each channel's {@code current/version.txt} in the cache is
 * the version published there.
 *
 * <p>Then, with the example test system stopped so that this test is the tester (over REST with the
 * {@code test-system} token, and once on {@code kiln.tests}), three patches of the new major for alpha:
 * <ol>
 * <li>two requested at the same moment: one goes ahead, the other queues behind it (a third queues behind that);
 * <li>the first fails kola on both attempts: it is rejected, not published, and alpha's current stays;
 * <li>the second proceeds when the first ends; a failing rerun sends it back from ready, a passing one restores it,
 * it is published; a failing rerun after that marks it at risk;
 * <li>the third is published and rolled back: {@code current} goes back to the second;
 * <li>the second, now current again and at risk, is withdrawn: {@code current} goes back to the walk's alpha, the
 * release leaves the feed and its channel directory answers 410.
 * </ol>
 * Each step needs the ones before; when one fails, the later ones are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseWalkIT {

    private static final String REQUESTER = ReleaseWalk.REQUESTER;
    private static final String APPROVER = "release-manager-2";
    private static final String TESTER = "test-system";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KilnLocal kiln = new KilnLocal(Path.of("target", "it-walk-" + UUID.randomUUID()).toAbsolutePath());
    private ReleaseApi api;
    private StackReads reads;

    /** Filled in as the steps pass, for the steps after them. */
    private String major;
    private String alpha;
    private String aheadRequest;
    private String queuedRequest;
    private String thirdRequest;
    private String rejected;
    private String atRisk;
    private boolean rolledBack;

    @BeforeAll
    void up() {
        kiln.up().assertSucceeded();
        api = new ReleaseApi(kiln.serviceUrl("release-service"), kiln.dataDir);
        reads = new StackReads(api, kiln.serviceUrl("artifact-service"));
    }

    @AfterAll
    void down() {
        kiln.down();
    }

    @Test
    @Order(1)
    void walksANewMajorThroughAlphaBetaAndStable() {
        KilnLocal.Result walk = kiln.demoRelease("--arches", "amd64");

        String out = walk.assertSucceeded().output();
        String alphaVersion = versionOn(out, "alpha");
        String newMajor = alphaVersion.substring(0, alphaVersion.indexOf('.'));
        assertThat(alphaVersion).isEqualTo(newMajor + ".0.0");
        assertThat(out).contains("walked a new major through alpha (" + alphaVersion + "), beta (" + newMajor + ".1.0) and stable ("
                + newMajor + ".2.0)");
        assertThat(out).contains("gate kola on amd64/qemu_uefi      satisfied passed on attempt 2 within the 2-attempt window "
                + "[attempt 1 failed, attempt 2 passed]");
        assertThat(out).contains("release-manager-2 approves " + newMajor + ".2.0 (release-manager-1 asked, and cannot approve alone)");
        assertThat(out).contains("release-manager-1 publishes " + newMajor + ".1.0 in beta");
        assertThat(out).contains("/cache/stable/amd64-usr/current/version.txt\nFLATCAR_VERSION=" + newMajor + ".2.0\n");
        assertThat(out).contains("/cache/beta/amd64-usr/current/version.txt\nFLATCAR_VERSION=" + newMajor + ".1.0\n");
        assertThat(out).contains("/cache/alpha/amd64-usr/current/version.txt\nFLATCAR_VERSION=" + alphaVersion + "\n");
        major = newMajor;
        alpha = alphaVersion;
    }

    @Test
    @Order(2)
    void twoRequestsForOneChannelAndMajorAtOnceQueueOneBehindTheOther() throws Exception {
        assumeTrue(alpha != null, "the walk published nothing");
        kiln.kill("test-system").assertSucceeded(); // from here on this test is the test system

        List<JsonNode> both = atOnce(() -> create(patchOfAlpha()), () -> create(patchOfAlpha()));

        assertThat(both).extracting(p -> p.path("state").asText()).containsExactlyInAnyOrder("versioning", "queued");
        JsonNode ahead = both.stream().filter(p -> p.path("state").asText().equals("versioning")).findFirst().orElseThrow();
        JsonNode queued = both.stream().filter(p -> p.path("state").asText().equals("queued")).findFirst().orElseThrow();
        assertThat(queued.path("queuedBehind").asText()).as(queued.toString()).isEqualTo(ahead.path("id").asText());
        JsonNode third = create(patchOfAlpha());
        assertThat(third.path("state").asText()).isEqualTo("queued");
        assertThat(third.path("queuedBehind").asText()).isEqualTo(queued.path("id").asText());
        aheadRequest = ahead.path("id").asText();
        queuedRequest = queued.path("id").asText();
        thirdRequest = third.path("id").asText();
    }

    @Test
    @Order(3)
    void aReleaseWhoseRequiredSuiteFailsIsNotPublishedAndTheChannelKeepsItsCurrent() throws Exception {
        assumeTrue(aheadRequest != null, "no request went ahead");
        String version = reads.awaitPromotion(aheadRequest, "testing").path("version").asText();
        assertThat(version).isEqualTo(major + ".0.1");
        assertThat(reads.promotion(queuedRequest).path("state").asText()).as("while the one ahead is open").isEqualTo("queued");

        reportKola(version, 1, false); // over REST; the rerun on kiln.tests, as a test system may also report
        new KilnTopics("127.0.0.1:" + kiln.ports.get("kafka")).report(new TestReported("it/" + version + "/kola/2", version,
                "kola", "amd64", "qemu_uefi", "failed", TESTER, null, Instant.now(), 2));

        JsonNode gates = reads.awaitJson("/api/v1/releases/" + version + "/gates", "the gates of " + version + " to fail",
                g -> g.path("verdict").asText().equals("failed"));
        JsonNode kola = kolaOf(gates);
        assertThat(kola.path("status").asText()).isEqualTo("failed");
        assertThat(kola.path("detail").asText()).isEqualTo("failed all 2 attempt(s) of the flake window");
        assertThat(kola.path("attempts").findValuesAsText("result")).containsExactly("failed", "failed");
        assertThat(reads.awaitJson("/api/v1/releases/" + version, version + " to be rejected",
                r -> r.path("state").asText().equals("rejected"))).isNotNull();
        assertThat(reads.awaitPromotion(aheadRequest, "failed").path("reason").asText()).startsWith("release " + version
                + " was rejected");

        ReleaseApi.Answer publish = publish(version);

        assertThat(publish.status()).as(publish.problem()).isEqualTo(409);
        assertThat(publish.body().path("type").asText()).isEqualTo("https://kiln.dev/problems/release-not-ready");
        assertThat(currentOnBoard("alpha")).isEqualTo(alpha);
        assertThat(reads.cacheText("alpha/amd64-usr/current/version.txt")).contains("FLATCAR_VERSION=" + alpha + "\n");
        assertThat(reads.cache("alpha/amd64-usr/" + version + "/version.txt").statusCode()).isEqualTo(404);
        rejected = version;
    }

    @Test
    @Order(4)
    void aFailingRerunSendsAReadyReleaseBackAndMarksAPublishedOneAtRisk() {
        assumeTrue(aheadRequest != null && reads.promotion(aheadRequest).path("state").asText().equals("failed"),
                "the request ahead did not end");
        // release-service is killed while the request behind moves on (versioning or building) and restarts on its data
        String stateAtKill = reads.promotion(queuedRequest).path("state").asText();
        kiln.kill("release-service").assertSucceeded();
        kiln.restart("release-service").assertSucceeded();
        JsonNode proceeded = reads.awaitPromotion(queuedRequest, "testing");
        assertThat(proceeded.path("history").findValuesAsText("state")).startsWith("queued", "versioning", "building", "testing");
        String version = proceeded.path("version").asText();
        assertThat(version).isEqualTo(major + ".0.2");
        assertThat(reads.promotion(thirdRequest).path("queuedBehind").asText()).isEqualTo(queuedRequest);
        List<String> promotionEvents = new KilnTopics("127.0.0.1:" + kiln.ports.get("kafka")).releaseEvents(queuedRequest,
                Duration.ofMinutes(1), e -> e.stream().anyMatch(t -> t.is(EventCatalog.PROMOTION_TESTING))).stream()
                .map(IncomingEvent::type).toList();
        assertThat(promotionEvents).as("killed while " + stateAtKill + ": each state once").containsExactly(
                EventCatalog.PROMOTION_QUEUED.name(), EventCatalog.PROMOTION_VERSIONING.name(),
                EventCatalog.PROMOTION_BUILDING.name(), EventCatalog.PROMOTION_TESTING.name());

        reportKola(version, 1, true);
        approve(version);
        reads.awaitJson("/api/v1/releases/" + version, version + " to be ready", r -> r.path("state").asText().equals("ready"));
        reads.awaitPromotion(queuedRequest, "awaiting-approval");
        reportKola(version, 2, false); // inside the flake window: the pass on attempt 1 still holds
        assertThat(reads.release(version).path("state").asText()).isEqualTo("ready");
        reportKola(version, 3, false); // a failing rerun beyond the window revokes the gate

        reads.awaitJson("/api/v1/releases/" + version, version + " to go back to candidate",
                r -> r.path("state").asText().equals("candidate"));
        assertThat(kolaOf(reads.json("/api/v1/releases/" + version + "/gates")).path("detail").asText())
                .startsWith("revoked: passed on attempt 1 but the newest rerun, attempt 3");
        reads.awaitPromotion(queuedRequest, "testing");
        assertThat(publish(version).status()).isEqualTo(409);

        reportKola(version, 4, true); // a newer passing rerun restores it
        reads.awaitJson("/api/v1/releases/" + version, version + " to be ready again", r -> r.path("state").asText().equals("ready"));
        ReleaseApi.Answer published = publish(version);
        assertThat(published.status()).as(published.problem()).isEqualTo(200);
        reads.awaitPromotion(queuedRequest, "published");
        reads.awaitCacheText("alpha/amd64-usr/current/version.txt", "FLATCAR_VERSION=" + version + "\n");

        reportKola(version, 5, false); // after publishing
        JsonNode release = reads.awaitJson("/api/v1/releases/" + version, version + " to be at risk", r -> r.path("atRisk").asBoolean());
        assertThat(release.path("state").asText()).isEqualTo("published");
        assertThat(currentOnBoard("alpha")).isEqualTo(version);
        List<IncomingEvent> events = new KilnTopics("127.0.0.1:" + kiln.ports.get("kafka")).releaseEvents(version,
                Duration.ofMinutes(1), e -> KilnTopics.shortTypes(e).stream().filter("gate.revoked"::equals).count() >= 2);
        assertThat(KilnTopics.shortTypes(events)).containsSubsequence("candidate", "ready", "gate.revoked", "ready", "published",
                "gate.revoked");
        atRisk = version;
    }

    @Test
    @Order(5)
    void aRollbackPointsCurrentBackToTheReleaseBefore() {
        assumeTrue(atRisk != null, "nothing was published before");
        String version = reads.awaitPromotion(thirdRequest, "testing").path("version").asText();
        assertThat(version).isEqualTo(major + ".0.3");
        reportKola(version, 1, true);
        approve(version);
        reads.awaitJson("/api/v1/releases/" + version, version + " to be ready", r -> r.path("state").asText().equals("ready"));
        assertThat(publish(version).status()).isEqualTo(200);
        reads.awaitCacheText("alpha/amd64-usr/current/version.txt", "FLATCAR_VERSION=" + version + "\n");

        ReleaseApi.Answer rollback = api.post(REQUESTER, "/api/v1/channels/alpha/rollback",
                Map.of("reason", version + " does not boot on some boards"), null);

        assertThat(rollback.status()).as(rollback.problem()).isEqualTo(200);
        reads.awaitCacheText("alpha/amd64-usr/current/version.txt", "FLATCAR_VERSION=" + atRisk + "\n");
        assertThat(currentOnBoard("alpha")).isEqualTo(atRisk);
        assertThat(lastBoardEntry("alpha").path("action").asText()).isEqualTo("rollback");
        assertThat(reads.release(version).path("state").asText()).isEqualTo("superseded");
        assertThat(reads.release(atRisk).path("state").asText()).isEqualTo("published");
        ReleaseApi.Answer nothingBefore = api.post(REQUESTER, "/api/v1/channels/beta/rollback", Map.of("reason", "try"), null);
        assertThat(nothingBefore.status()).as(nothingBefore.problem()).isEqualTo(409);
        assertThat(nothingBefore.body().path("type").asText()).isEqualTo("https://kiln.dev/problems/no-rollback-target");
        assertThat(currentOnBoard("beta")).isEqualTo(major + ".1.0");
        rolledBack = true;
    }

    @Test
    @Order(6)
    void aWithdrawnReleaseIsRolledBackWhereCurrentLeavesTheFeedAndItsChannelDirectoryIsGone() throws Exception {
        assumeTrue(rolledBack, "the rollback did not happen");
        assertThat(reads.json("/api/v1/releases.json").has(atRisk)).isTrue();

        ReleaseApi.Answer withdrawn = api.post(REQUESTER, "/api/v1/releases/" + atRisk + "/withdraw",
                Map.of("reason", "kola fails on " + atRisk + " since it was published"), null);

        assertThat(withdrawn.status()).as(withdrawn.problem()).isEqualTo(200);
        assertThat(withdrawn.body().path("state").asText()).isEqualTo("withdrawn");
        reads.awaitCacheText("alpha/amd64-usr/current/version.txt", "FLATCAR_VERSION=" + alpha + "\n");
        assertThat(currentOnBoard("alpha")).isEqualTo(alpha);
        JsonNode feed = reads.json("/api/v1/releases.json");
        assertThat(feed.has(atRisk)).as(feed.toString()).isFalse();
        assertThat(feed.has(alpha)).isTrue();
        assertThat(feed.has(major + ".0.3")).isTrue();
        reads.awaitCache("releases/releases.json", "leave out " + atRisk, body -> !body.contains("\"" + atRisk + "\""));
        for (String path : List.of(atRisk + "/version.txt", atRisk + "/")) {
            HttpResponse<String> gone = reads.cache("alpha/amd64-usr/" + path);
            assertThat(gone.statusCode()).as(path + ": " + gone.body()).isEqualTo(410);
            assertThat(JSON.readTree(gone.body()).path("type").asText()).isEqualTo("https://kiln.dev/problems/version-withdrawn");
        }
        JsonNode alphaFeed = JSON.readTree(reads.awaitCache("alpha/releases.json", "leave out " + atRisk,
                body -> !body.contains("\"" + atRisk + "\"")));
        assertThat(alphaFeed.has(alpha)).as(alphaFeed.toString()).isTrue();
        assertThat(alphaFeed.path("current")).as("alpha's current entry").isEqualTo(alphaFeed.path(alpha));
        ReleaseApi.Answer again = api.post(REQUESTER, "/api/v1/releases/" + atRisk + "/withdraw", Map.of("reason", "again"), null);
        assertThat(again.status()).as(again.problem()).isEqualTo(410);
        ReleaseApi.Answer neverPublished = api.post(REQUESTER, "/api/v1/releases/" + rejected + "/withdraw",
                Map.of("reason", "rejected anyway"), null);
        assertThat(neverPublished.status()).as(neverPublished.problem()).isEqualTo(409);
        assertThat(neverPublished.body().path("type").asText()).isEqualTo("https://kiln.dev/problems/release-not-published");
    }

    private Map<String, Object> patchOfAlpha() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "patch");
        body.put("channel", "alpha");
        body.put("major", Integer.parseInt(major));
        return body;
    }

    private JsonNode create(Map<String, Object> request) {
        ReleaseApi.Answer created = api.post(REQUESTER, "/api/v1/promotions", request, UUID.randomUUID().toString());
        assertThat(created.status()).as(created.problem()).isEqualTo(201);
        return created.body();
    }

    /** Runs both at the same moment. */
    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One attempt of kola on amd64/qemu_uefi, over REST as the demo test system. */
    private void reportKola(String version, int attempt, boolean passed) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("suite", "kola");
        report.put("arch", "amd64");
        report.put("vendor", "qemu_uefi");
        report.put("result", passed ? "passed" : "failed");
        report.put("attempt", attempt);
        report.put("reportId", "it/" + version + "/kola/" + attempt);
        ReleaseApi.Answer answer = api.post(TESTER, "/api/v1/releases/" + version + "/test-reports", report, null);
        assertThat(answer.status()).as(answer.problem()).isEqualTo(201);
    }

    private void approve(String version) {
        ReleaseApi.Answer answer = api.post(APPROVER, "/api/v1/releases/" + version + "/approvals",
                Map.of("decision", "approve", "comment", "kola passed"), null);
        assertThat(answer.status()).as(answer.problem()).isEqualTo(201);
    }

    private ReleaseApi.Answer publish(String version) {
        return api.post(REQUESTER, "/api/v1/channels/alpha/publications", Map.of("version", version), null);
    }

    private static JsonNode kolaOf(JsonNode gates) {
        for (JsonNode requirement : gates.path("requirements")) {
            if (requirement.path("suite").asText().equals("kola")) {
                return requirement;
            }
        }
        throw new AssertionError("no kola requirement in " + gates);
    }

    private String currentOnBoard(String channel) {
        return amd64OnBoard(channel).path("current").asText();
    }

    private JsonNode lastBoardEntry(String channel) {
        JsonNode history = amd64OnBoard(channel).path("history");
        return history.get(history.size() - 1);
    }

    private JsonNode amd64OnBoard(String channel) {
        for (JsonNode arch : reads.json("/api/v1/channels/" + channel).path("arches")) {
            if (arch.path("arch").asText().equals("amd64")) {
                return arch;
            }
        }
        throw new AssertionError("amd64 is not on the board of " + channel);
    }

    /** The version the walk printed for {@code channel}: {@code version 4907.0.0 for alpha}. */
    private static String versionOn(String out, String channel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("version (\\d+\\.\\d+\\.\\d+) for " + channel).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
