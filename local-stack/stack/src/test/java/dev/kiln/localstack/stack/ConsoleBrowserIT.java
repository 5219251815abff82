package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium against the whole local stack: a build started from the page whose step turns
 * green without a reload, a log tailing live, the pages of a build read signed out (versions, builds filters), a build
 * cancelled and a failed one resumed from its page, refusals of a form without its CSRF token or without the role, and
 * a release walked to published with approve and publish clicks, a promotion of it asked for and cancelled on the
 * board, the channel rolled back from the board, its package changes, files and cache directory (sizes, digests,
 * downloads) shown, and withdrawn with a reason.
 */
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration BUILD_TIME = Duration.ofMinutes(2);
    private static KilnLocal kiln;
    private static StackClient stack;
    private static String console;
    private HeadlessChromium chromium;

    @BeforeAll
    static void startStack() throws Exception {
        kiln = new KilnLocal(Path.of("target", "it-console-" + UUID.randomUUID()).toAbsolutePath());
        Files.createDirectories(kiln.dataDir.resolve("pipelines"));
        Files.writeString(kiln.dataDir.resolve("pipelines/probe.yaml"), """
                name: probe
                description: One step that takes a few seconds, checks its version and uploads version.txt and a package list as an image.
                steps:
                  - name: probe
                    image: registry.example.org/any:1
                    run: |
                      for i in 1 2 3 4 5 6; do echo "probe line $$i of 6"; sleep 1; done
                      grep -x "FLATCAR_VERSION=$$KILN_VERSION" sdk_container/.repo/manifests/version.txt
                      curl --fail -sS -H 'Expect:' -H "Authorization: Bearer $$KILN_CACHE_TOKEN" \
                        -T sdk_container/.repo/manifests/version.txt "$$KILN_CACHE_URL/images/amd64/$$KILN_VERSION/version.txt"
                      official=$${KILN_VERSION%%+*}; patch=$${official##*.}
                      { echo "sys-apps/systemd-256::portage-stable"; echo "sys-kernel/coreos-kernel-6.6.6$$patch::coreos-overlay"
                        [ "$$patch" = 0 ] || echo "app-containers/docker-27.4.1::portage-stable"; } > packages.txt
                      curl --fail -sS -H 'Expect:' -H "Authorization: Bearer $$KILN_CACHE_TOKEN" \
                        -T packages.txt "$$KILN_CACHE_URL/images/amd64/$$KILN_VERSION/flatcar_production_image_packages.txt"
                    timeout: 2m
                    retry: {attempts: 1}
                """);
        Files.writeString(kiln.dataDir.resolve("pipelines/fails-until-allowed.yaml"), """
                name: fails-until-allowed
                description: One step that fails until the test creates resume-ok in the data directory.
                steps:
                  - name: gate
                    image: registry.example.org/any:1
                    run: |
                      test -e "%s" || { echo "resume-ok is not there yet"; exit 1; }
                      echo "resume-ok found"
                    timeout: 1m
                    retry: {attempts: 1}
                """.formatted(kiln.dataDir.resolve("resume-ok")));
        kiln.up().assertSucceeded();
        // this test reports the suites itself; the stack's example test system would race it with its own
        // reports (its first kola attempt fails on purpose), so it is stopped
        kiln.kill("test-system").assertSucceeded();
        stack = StackClient.of(kiln.dataDir);
        console = kiln.serviceUrl("console");
    }

    @AfterAll
    static void stopStack() {
        if (kiln != null) {
            kiln.down();
        }
    }

    @BeforeEach
    void openBrowser() {
        chromium = new HeadlessChromium();
    }

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void aBuildStartedFromThePageTurnsGreenWithoutAReloadAndItsLogOpens() throws Exception {
        signIn("kiln-admin", Files.readString(kiln.dataDir.resolve("admin.token")).strip());
        chromium.driver.get(console + "/builds");
        new Select(chromium.driver.findElement(By.name("pipeline"))).selectByValue("probe");
        new Select(chromium.driver.findElement(By.name("kind"))).selectByValue("nightly");
        chromium.driver.findElement(By.cssSelector("#start-build button[type=submit]")).click();

        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("dag-svg")));
        String buildUrl = chromium.driver.getCurrentUrl();
        chromium.driver.executeScript("window.kilnSamePage = 'not reloaded';");
        chromium.await(BUILD_TIME).until(ExpectedConditions.attributeToBe(
                By.cssSelector("#dag-svg a.node[data-run='probe']"), "data-state", "succeeded"));

        assertThat(buildUrl).matches(".*/builds/[a-z0-9]+$");
        assertThat(chromium.driver.executeScript("return window.kilnSamePage;")).isEqualTo("not reloaded");
        assertThat(chromium.driver.findElement(By.cssSelector("#steps tr[data-run='probe']")).getAttribute("data-state"))
                .isEqualTo("succeeded");
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("build-state"), "data-state",
                "succeeded"));
        chromium.screenshot("build");

        chromium.driver.findElement(By.cssSelector("#dag-svg a.node[data-run='probe']")).click();

        WebElement log = chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("log")));
        assertThat(log.getText()).contains("probe line 1 of 6", "probe line 6 of 6");
        chromium.screenshot("log");
    }

    @Test
    void aRunningStepsLogGrowsOnThePageUntilTheStepEnds() throws Exception {
        String id = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", Map.of("pipeline", "probe",
                "kind", "dev", "suffix", "console-tail", "arches", List.of("amd64"))).path("id").asText();
        awaitStepState(id, "running");

        chromium.driver.get(console + "/builds/" + id + "/steps/probe/log");
        chromium.driver.executeScript("window.kilnSamePage = 'not reloaded';");
        chromium.await(BUILD_TIME).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"),
                "probe line 6 of 6"));

        assertThat(chromium.driver.executeScript("return window.kilnSamePage;")).isEqualTo("not reloaded");
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("log"), "data-finished", "true"));
    }

    @Test
    void signedOutTheVersionLeadsToItsBuildsTheFiltersNarrowTheListAndTheBuildOffersNoButtons() throws Exception {
        String id = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", Map.of("pipeline", "probe",
                "kind", "dev", "suffix", "console-reads", "arches", List.of("amd64"))).path("id").asText();
        JsonNode build = awaitBuild(id);
        assertThat(build.path("state").asText()).as(build.toPrettyString()).isEqualTo("succeeded");
        String tag = build.path("tag").asText();

        chromium.driver.get(console + "/versions?kind=dev");
        assertThat(chromium.driver.findElements(By.id("sign-in-link"))).isNotEmpty();
        chromium.driver.findElement(By.cssSelector("#versions tr[data-tag='" + tag + "'] a[href^='/builds?tag=']")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/builds?tag="));
        assertThat(chromium.driver.findElements(By.cssSelector("#builds tr[data-build-row]")))
                .extracting(row -> row.getAttribute("data-build-row")).containsExactly(id);
        assertThat(chromium.driver.findElements(By.id("start-build"))).isEmpty();
        new Select(chromium.driver.findElement(By.name("state"))).selectByValue("failed");
        chromium.driver.findElement(By.cssSelector("form.filters button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("state=failed"));
        assertThat(chromium.driver.findElements(By.cssSelector("#builds tr[data-build-row]"))).isEmpty();
        new Select(chromium.driver.findElement(By.name("state"))).selectByValue("succeeded");
        chromium.driver.findElement(By.cssSelector("form.filters button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("state=succeeded"));
        chromium.driver.findElement(By.cssSelector("#builds tr[data-build-row='" + id + "'] a")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("build-state"), "data-state",
                "succeeded"));
        assertThat(chromium.driver.findElements(By.cssSelector("#cancel-build, #resume-build"))).isEmpty();

    }

    @Test
    void aRunningBuildIsCancelledWithAReasonAndAFailedOneResumedFromItsPage() throws Exception {
        String running = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", Map.of("pipeline", "probe",
                "kind", "dev", "suffix", "console-cancel", "arches", List.of("amd64"))).path("id").asText();
        String failing = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", Map.of("pipeline",
                "fails-until-allowed", "kind", "dev", "suffix", "console-resume", "arches", List.of("amd64"))).path("id").asText();
        awaitStepState(running, "running");
        signIn("kiln-admin", Files.readString(kiln.dataDir.resolve("admin.token")).strip());

        chromium.driver.get(console + "/builds/" + running);
        chromium.driver.findElement(By.cssSelector("#cancel-build input[name=reason]")).sendKeys("superseded by a newer nightly");
        chromium.driver.findElement(By.cssSelector("#cancel-build button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("build-state"), "data-state",
                "cancelled"));
        assertThat(stack.get(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds/" + running).path("state").asText())
                .isEqualTo("cancelled");
        assertThat(chromium.driver.findElements(By.cssSelector("#cancel-build, #resume-build"))).isEmpty();

        assertThat(awaitBuild(failing).path("state").asText()).isEqualTo("failed");
        chromium.driver.get(console + "/builds/" + failing);
        Files.writeString(kiln.dataDir.resolve("resume-ok"), "go");
        chromium.driver.findElement(By.cssSelector("#resume-build button")).click();
        chromium.await(BUILD_TIME).until(ExpectedConditions.attributeToBe(
                By.cssSelector("#dag-svg a.node[data-run='gate']"), "data-state", "succeeded"));
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("build-state"), "data-state",
                "succeeded"));
    }

    @Test
    void aFormWithoutItsCsrfTokenOrWithoutTheRoleIsRefused() throws Exception {
        long before = buildCount();
        signIn("kiln-admin", Files.readString(kiln.dataDir.resolve("admin.token")).strip());
        chromium.driver.get(console + "/builds");
        chromium.driver.executeScript("document.querySelector('#start-build input[name=csrf]').value = 'forged';");
        chromium.driver.findElement(By.cssSelector("#start-build button[type=submit]")).click();

        WebElement csrfRefusal = chromium.await(Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
        assertThat(csrfRefusal.getAttribute("data-status")).isEqualTo("403");
        assertThat(csrfRefusal.getText()).contains("CSRF");

        chromium.driver.get(console + "/builds");
        signOut();
        signIn("test-system", Files.readString(kiln.dataDir.resolve("tokens/test-system.token")).strip());
        chromium.driver.get(console + "/builds");
        chromium.driver.findElement(By.cssSelector("#start-build button[type=submit]")).click();

        WebElement roleRefusal = chromium.await(Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
        assertThat(roleRefusal.getAttribute("data-status")).isEqualTo("403");
        assertThat(roleRefusal.getText()).contains("build-runner", "forbidden");
        chromium.screenshot("refused");
        assertThat(buildCount()).isEqualTo(before);
    }

    @Test
    void aReleaseIsPublishedWithClicksItsPromotionAskedForAndCancelledRolledBackBrowsedAndWithdrawn() throws Exception {
        String first = officialBuild(Map.of("kind", "alpha"));
        String major = first.substring(0, first.indexOf('.'));
        report(first);
        signIn("release-manager-1", Files.readString(kiln.dataDir.resolve("tokens/release-manager-1.token")).strip());

        chromium.driver.get(console + "/releases/" + first);
        assertThat(chromium.driver.findElement(By.cssSelector("table.matrix[data-suite='kola'] td[data-arch='amd64']"))
                .getAttribute("data-status")).isEqualTo("satisfied");
        chromium.driver.findElement(By.cssSelector("#approve button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("release-state"), "data-state", "ready"));
        chromium.driver.findElement(By.cssSelector("#publish button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("release-state"), "data-state",
                "published"));
        chromium.screenshot("release");

        String second = officialBuild(Map.of("kind", "patch", "from", "alpha-" + first));
        report(second);
        asReleaseManager("POST", "/api/v1/releases/" + second + "/approvals", "{\"decision\":\"approve\",\"comment\":\"go\"}");
        asReleaseManager("POST", "/api/v1/channels/alpha/publications", "{\"version\":\"" + second + "\"}");
        // version-service promotes only the newest alpha release of a major, so this asks while second is the newest
        promotionAskedForOnTheBoardQueuesAsTheCallerAndIsCancelledWithItsReason(second);

        chromium.driver.get(console + "/channels");
        assertThat(currentOnAlpha()).isEqualTo(second);
        type(By.cssSelector("form.rollback[data-channel='alpha'] input[name=reason]"), "boot loops on some boards");
        chromium.driver.findElement(By.cssSelector("form.rollback[data-channel='alpha'] button")).click();

        chromium.await(Duration.ofSeconds(30)).until(d -> currentOnAlpha().equals(first));
        chromium.driver.executeScript("window.scrollTo(0, 0);");
        assertThat(second).isEqualTo(major + ".0.1");
        assertThat(chromium.driver.findElement(By.id("alpha")).getText()).contains("rollback", "boot loops on some boards",
                "release-manager-1");
        chromium.screenshot("channels");

        chromium.driver.get(console + "/releases/" + second);
        assertThat(chromium.driver.findElement(By.id("package-changes")).getText()).contains("amd64 against " + first,
                "added app-containers/docker-27.4.1", "sys-kernel/coreos-kernel", "6.6.60 → 6.6.61");
        WebElement packageList = chromium.driver.findElement(By.cssSelector(
                "#outputs tr[data-arch='amd64'][data-name='flatcar_production_image_packages.txt']"));
        byte[] packages = send("GET", stack.url(Component.ARTIFACT_SERVICE) + "/cache/alpha/amd64-usr/" + second
                + "/flatcar_production_image_packages.txt", null, null).body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(packageList.findElement(By.cssSelector("code.digest")).getText()).isEqualTo(sha256(packages));
        assertThat(chromium.driver.findElement(By.cssSelector("#manifest pre")).getAttribute("textContent"))
                .contains("\"packageChanges\"", "\"testReports\"");
        chromium.screenshot("release-changes");

        chromium.driver.findElement(By.cssSelector("#outputs tr[data-name='version.txt'] a")).click();
        WebElement row = chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#listing tr[data-name='version.txt']")));
        HttpResponse<String> download = send("GET", row.findElement(By.cssSelector("a[download]")).getAttribute("href"), null, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains("FLATCAR_VERSION=" + second);
        assertThat(row.findElement(By.cssSelector("td.num")).getAttribute("title"))
                .isEqualTo(download.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
        assertThat(row.findElement(By.cssSelector("code.digest")).getText()).isEqualTo(sha256(download.body()));
        chromium.screenshot("cache");
        chromium.driver.get(console + "/releases/" + second);

        type(By.cssSelector("#withdraw input[name=reason]"), "CVE-2026-1234 in the kernel");
        chromium.driver.findElement(By.cssSelector("#withdraw button")).click();
        chromium.await(Duration.ofSeconds(60)).until(ExpectedConditions.attributeToBe(By.id("release-state"), "data-state",
                "withdrawn"));
        assertThat(chromium.driver.findElement(By.id("transitions")).getText()).contains("withdrawn",
                "CVE-2026-1234 in the kernel", "release-manager-1");
        assertThat(send("GET", stack.url(Component.ARTIFACT_SERVICE) + "/cache/alpha/amd64-usr/" + second + "/version.txt",
                null, null).statusCode()).isEqualTo(410);
        chromium.driver.get(console + "/channels");
        assertThat(currentOnAlpha()).isEqualTo(first);
        assertThat(chromium.driver.findElement(By.id("alpha")).getText()).contains("withdraw", "CVE-2026-1234 in the kernel");
    }

    /** Asks on the board for {@code from}'s promotion to beta, sees it queued as the caller, cancels it with a reason. */
    private void promotionAskedForOnTheBoardQueuesAsTheCallerAndIsCancelledWithItsReason(String from) throws Exception {
        chromium.driver.get(console + "/channels");
        new Select(chromium.driver.findElement(By.cssSelector("#request-release select[name=type]"))).selectByValue("promotion");
        chromium.driver.findElement(By.cssSelector("#request-release input[name=from]")).sendKeys(from);
        new Select(chromium.driver.findElement(By.cssSelector("#request-release select[name=to]"))).selectByValue("beta");
        chromium.driver.findElement(By.cssSelector("#request-release input[name=arch][value=amd64]")).click();
        chromium.driver.findElement(By.cssSelector("#request-release input[name=vendors]")).sendKeys("qemu_uefi");
        chromium.driver.findElement(By.cssSelector("#request-release button[type=submit]")).click();

        WebElement queued = chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#promotions tr[data-promotion]")));
        String id = queued.getAttribute("data-promotion");
        JsonNode request = stack.get(stack.url(Component.RELEASE_SERVICE) + "/api/v1/promotions/" + id);
        assertThat(request.path("requestedBy").asText()).isEqualTo("release-manager-1");
        assertThat(request.path("type").asText()).isEqualTo("promotion");
        assertThat(request.path("from").asText()).isEqualTo(from);
        assertThat(queued.getText()).contains(id, "promotion", "beta", from, "release-manager-1");
        chromium.screenshot("promotions");

        type(By.cssSelector("form.cancel-promotion[data-promotion='" + id + "'] input[name=reason]"), "wrong kernel config");
        chromium.driver.findElement(By.cssSelector("form.cancel-promotion[data-promotion='" + id + "'] button")).click();

        WebElement cancelled = chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#finished-promotions tr[data-promotion='" + id + "'][data-state='cancelled']")));
        assertThat(cancelled.getText()).contains("wrong kernel config");
        assertThat(chromium.driver.findElements(By.cssSelector("#promotions tr[data-promotion='" + id + "']"))).isEmpty();
        assertThat(stack.get(stack.url(Component.RELEASE_SERVICE) + "/api/v1/promotions/" + id).path("state").asText())
                .isEqualTo("cancelled");
    }

    /**
     * Types into a field of a part of the page that live events read again: a refresh may replace the field before the
     * first key; once it holds the text the page keeps it.
     */
    private void type(By field, String text) {
        chromium.await(Duration.ofSeconds(30)).until(d -> {
            WebElement input = d.findElement(field);
            input.clear();
            input.sendKeys(text);
            return d.findElement(field).getAttribute("value").equals(text);
        });
    }

    private void signIn(String name, String token) {
        chromium.driver.get(console + "/sign-in");
        chromium.driver.findElement(By.name("name")).sendKeys(name);
        chromium.driver.findElement(By.name("token")).sendKeys(token);
        chromium.driver.findElement(By.cssSelector("#sign-in button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("signed-in-as"), name));
    }

    private void signOut() {
        chromium.driver.findElement(By.cssSelector("header form button")).click();
        chromium.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
    }

    private String currentOnAlpha() {
        return chromium.driver.findElement(By.cssSelector("#alpha tr[data-arch='amd64'] .current-version")).getText();
    }

    /** Builds the probe pipeline on a new official version of {@code request}'s kind; returns the release's version. */
    private static String officialBuild(Map<String, Object> request) throws InterruptedException {
        Map<String, Object> body = new java.util.HashMap<>(request);
        body.put("pipeline", "probe");
        body.put("arches", List.of("amd64"));
        body.put("vendors", List.of("qemu_uefi"));
        String id = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", body).path("id").asText();
        JsonNode build = awaitBuild(id);
        assertThat(build.path("state").asText()).as(build.toPrettyString()).isEqualTo("succeeded");
        String version = build.path("versionId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", stack.url(Component.RELEASE_SERVICE) + "/api/v1/releases/" + version, null, null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("release " + version + " appears").isLessThan(deadline);
            Thread.sleep(500);
        }
        return version;
    }

    private static void report(String version) throws Exception {
        HttpResponse<String> report = send("POST", stack.url(Component.RELEASE_SERVICE) + "/api/v1/releases/" + version
                + "/test-reports", Files.readString(kiln.dataDir.resolve("tokens/test-system.token")).strip(),
                "{\"suite\":\"kola\",\"arch\":\"amd64\",\"vendor\":\"qemu_uefi\",\"result\":\"passed\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    }

    private static void asReleaseManager(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, stack.url(Component.RELEASE_SERVICE) + path,
                Files.readString(kiln.dataDir.resolve("tokens/release-manager-1.token")).strip(), body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    }

    private static JsonNode awaitBuild(String id) throws InterruptedException {
        long deadline = System.nanoTime() + BUILD_TIME.toNanos();
        JsonNode build;
        do {
            Thread.sleep(500);
            build = stack.get(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds/" + id);
        } while (!List.of("succeeded", "failed", "cancelled").contains(build.path("state").asText())
                && System.nanoTime() < deadline);
        return build;
    }

    private static void awaitStepState(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + BUILD_TIME.toNanos();
        while (!stack.get(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds/" + id).path("steps").get(0)
                .path("state").asText().equals(state)) {
            assertThat(System.nanoTime()).as("step of " + id + " " + state).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long buildCount() {
        return stack.get(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds?size=1").path("total").asLong();
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
