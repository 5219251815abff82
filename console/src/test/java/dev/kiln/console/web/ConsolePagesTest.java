package dev.kiln.console.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.kiln.console.fake.FakeServices;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages as the services' answers make them, signed out and signed in, against fake services. */
@QuarkusTest
@QuarkusTestResource(value = KilnServicesResource.class, restrictToAnnotatedClass = false)
class ConsolePagesTest {

    @BeforeEach
    void forgetCalls() {
        FakeServices.CALLS.clear();
    }

    @Test
    void buildsListReadsSignedOutWithoutTheStartForm() {
        given().get("/builds").then().statusCode(200)
                .body(containsString("main-4799.0.0-nightly-20260821-2100"))
                .body(containsString("href=\"/builds/k7xq2m4pza\""))
                .body(containsString("amd64, arm64"))
                .body(containsString("Sign in</a> to start builds"))
                .body(not(containsString("id=\"start-build\"")));
    }

    @Test
    void buildPageListsEveryStepRunWithItsStateAndLogLinkAndTheGraphsEdges() {
        String html = given().get("/builds/k7xq2m4pza").then().statusCode(200).extract().asString();

        assertThat(html).contains("<tr data-run=\"image-amd64\" data-state=\"running\">")
                .contains("<tr data-run=\"image-arm64\" data-state=\"blocked\">")
                .contains("href=\"/builds/k7xq2m4pza/steps/packages-arm64/log\"")
                .contains("exit-code: 1")
                .contains("/webjars/dagre/0.8.4/dist/dagre.min.js")
                // data-graph is HTML-escaped JSON: packages-amd64 -> image-amd64 -> vms-amd64-qemu_uefi, no cross-arch edge
                .contains("{&quot;from&quot;:&quot;packages-amd64&quot;,&quot;to&quot;:&quot;image-amd64&quot;}")
                .contains("{&quot;from&quot;:&quot;image-amd64&quot;,&quot;to&quot;:&quot;vms-amd64-qemu_uefi&quot;}")
                .doesNotContain("{&quot;from&quot;:&quot;packages-amd64&quot;,&quot;to&quot;:&quot;image-arm64&quot;}");
    }

    @Test
    void theDagreScriptIsServedFromItsWebJar() {
        given().get("/webjars/dagre/0.8.4/dist/dagre.min.js").then().statusCode(200)
                .body(containsString("graphlib"));
    }

    @Test
    void aStepLogPageShowsTheLogAndAnUnknownBuildIsBuildRunnersNotFound() {
        given().get("/builds/k7xq2m4pza/steps/packages-amd64/log").then().statusCode(200)
                .body(containsString("build_packages --board=amd64-usr"));
        given().get("/builds/nope/steps/x/log").then().statusCode(404).body(containsString("build-not-found"));
    }

    @Test
    void signInKeepsTheTokenOnTheServerBehindAnHttpOnlySameSiteStrictCookie() {
        Response form = given().get("/sign-in");
        String csrf = Browser.csrfOf(form.asString());

        Response signedIn = given().redirects().follow(false).cookie("kiln_console_session", form.getCookie("kiln_console_session"))
                .formParam("csrf", csrf).formParam("token", FakeServices.BUILDER_TOKEN).formParam("name", "ci-bot")
                .post("/sign-in");

        assertThat(signedIn.statusCode()).isEqualTo(303);
        String setCookie = signedIn.getHeader("Set-Cookie");
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/")
                .doesNotContain(FakeServices.BUILDER_TOKEN);
        assertThat(signedIn.getCookie("kiln_console_session")).isNotEqualTo(form.getCookie("kiln_console_session"));
        given().cookie("kiln_console_session", signedIn.getCookie("kiln_console_session")).get("/builds").then()
                .body(containsString("ci-bot")).body(containsString("id=\"start-build\""))
                .body(not(containsString(FakeServices.BUILDER_TOKEN)));
    }

    @Test
    void signInWithoutTheFormsCsrfTokenIsRefused() {
        Response form = given().get("/sign-in");

        given().cookie("kiln_console_session", form.getCookie("kiln_console_session"))
                .formParam("token", FakeServices.BUILDER_TOKEN).post("/sign-in").then().statusCode(403);
    }

    @Test
    void startingABuildWithoutTheCsrfTokenIsRefusedAndBuildRunnerIsNotCalled() {
        Browser builder = Browser.signedInWith(FakeServices.BUILDER_TOKEN, "ci-bot");

        given().cookie("kiln_console_session", builder.cookie).formParam("pipeline", "os").formParam("kind", "nightly")
                .formParam("arch", "amd64").post("/builds").then().statusCode(403)
                .body(containsString("CSRF"));
        given().cookie("kiln_console_session", builder.cookie).formParam("csrf", "not-" + builder.csrf)
                .formParam("pipeline", "os").formParam("kind", "nightly").formParam("arch", "amd64")
                .post("/builds").then().statusCode(403);

        assertThat(FakeServices.CALLS).isEmpty();
    }

    @Test
    void aFormPostedWithoutASessionIsRefused() {
        given().formParam("csrf", "guess").formParam("decision", "approve").post("/releases/4593.2.5/approvals")
                .then().statusCode(403);

        assertThat(FakeServices.CALLS).isEmpty();
    }

    @Test
    void aCallerWithoutTheBuilderRoleGetsBuildRunnersRefusalAsAPage() {
        Browser tester = Browser.signedInWith(FakeServices.TESTER_TOKEN, "test-system");

        given().cookie("kiln_console_session", tester.cookie).formParam("csrf", tester.csrf).formParam("pipeline", "os")
                .formParam("kind", "nightly").formParam("arch", "amd64").post("/builds").then().statusCode(403)
                .body(containsString("build-runner")).body(containsString("forbidden"));

        assertThat(FakeServices.CALLS).extracting(FakeServices.Call::authorization)
                .containsExactly("Bearer " + FakeServices.TESTER_TOKEN);
    }

    @Test
    void aBuilderStartsABuildAsThemselvesAndLandsOnItsPage() {
        Browser builder = Browser.signedInWith(FakeServices.BUILDER_TOKEN, "ci-bot");

        Response started = given().redirects().follow(false).cookie("kiln_console_session", builder.cookie)
                .formParam("csrf", builder.csrf).formParam("pipeline", "os").formParam("kind", "nightly")
                .formParam("arch", "amd64").formParam("arch", "arm64").formParam("vendors", "qemu_uefi, ami")
                .formParam("submission", "s-1").post("/builds");

        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.getHeader("Location")).endsWith("/builds/k7xq2m4pza");
        assertThat(FakeServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer " + FakeServices.BUILDER_TOKEN);
            assertThat(call.body()).contains("\"pipeline\":\"os\"", "\"kind\":\"nightly\"",
                    "\"arches\":[\"amd64\",\"arm64\"]", "\"vendors\":[\"qemu_uefi\",\"ami\"]").doesNotContain("branch");
        });
    }

    @Test
    void releasePageShowsTheGateMatrixWithFlakesSoakApprovalsPackageChangesAndItsFiles() {
        String html = given().get("/releases/4593.2.5").then().statusCode(200).extract().asString();

        assertThat(html).contains("<caption>kola</caption>", "<caption>qemu_update</caption>")
                .contains("data-arch=\"amd64\" data-status=\"satisfied\"><span class=\"state\" data-state=\"satisfied\">satisfied</span> <span class=\"flake\"")
                .contains("#1 failed", "#2 passed", "https://ci.example.org/k-1")
                .contains("data-arch=\"arm64\" data-status=\"missing\"")
                .contains("remaining 2d 0h")
                .contains("alice: approve — “looks good”")
                .contains("amd64 against 4593.2.4", "added sys-apps/ignition-2.20.0", "sys-kernel/coreos-kernel: 6.6.58 → 6.6.60")
                .contains("<tr data-arch=\"amd64\" data-name=\"flatcar_production_image.bin.bz2\">",
                        "href=\"/cache/stable/amd64-usr/4593.2.5/\"", "469.0 MiB",
                        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
                .contains("id=\"manifest\"");
    }

    @Test
    void releasePageOffersApproveAndRejectOnlySignedIn() {
        given().get("/releases/4593.2.5").then().body(not(containsString("id=\"approve\"")));
        Browser releaser = Browser.signedInWith(FakeServices.RELEASER_TOKEN, "release-manager-1");

        given().cookie("kiln_console_session", releaser.cookie).get("/releases/4593.2.5").then()
                .body(containsString("id=\"approve\"")).body(containsString("id=\"reject\""))
                .body(not(containsString("id=\"publish\"")));
    }

    @Test
    void aReleaserApprovesAsThemselvesWithTheirComment() {
        Browser releaser = Browser.signedInWith(FakeServices.RELEASER_TOKEN, "release-manager-1");

        given().redirects().follow(false).cookie("kiln_console_session", releaser.cookie).formParam("csrf", releaser.csrf)
                .formParam("decision", "approve").formParam("comment", "kola is green").post("/releases/4593.2.5/approvals")
                .then().statusCode(303);

        assertThat(FakeServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer " + FakeServices.RELEASER_TOKEN);
            assertThat(call.body()).contains("\"decision\":\"approve\"", "\"comment\":\"kola is green\"");
        });
    }

    @Test
    void aRollbackWithoutAReasonIsNotSent() {
        Browser releaser = Browser.signedInWith(FakeServices.RELEASER_TOKEN, "release-manager-1");

        given().cookie("kiln_console_session", releaser.cookie).formParam("csrf", releaser.csrf).formParam("reason", "")
                .post("/channels/stable/rollback").then().statusCode(400).body(containsString("needs a reason"));

        assertThat(FakeServices.CALLS).isEmpty();
    }

    @Test
    void channelsBoardShowsCurrentPerArchHistoryTheQueueAndFinishedRequestsSignedOut() {
        String html = given().get("/channels").then().statusCode(200).extract().asString();

        assertThat(html).contains("<section class=\"channel\" id=\"stable\"")
                .contains("<td class=\"current-version\"><a href=\"/releases/4593.2.4\">4593.2.4</a></td>")
                .contains("Nothing published yet.")
                .contains("<tr data-promotion=\"pr-7h3k9w2m4q\" data-state=\"building\">", "first in its lane beta/4790")
                .contains("<tr data-promotion=\"pr-2b9c4d6e8f\" data-state=\"cancelled\">", "wrong kernel config")
                .contains("href=\"/releases/4593.2.5\"")
                .contains("Sign in</a> to ask for a release")
                .doesNotContain("id=\"request-release\"", "cancel-promotion");
    }

    @Test
    void aReleaserAsksForAPromotionAsThemselvesOnceForADoubleSubmit() {
        Browser releaser = Browser.signedInWith(FakeServices.RELEASER_TOKEN, "release-manager-1");
        String form = given().cookie("kiln_console_session", releaser.cookie).get("/channels").asString();
        assertThat(form).contains("id=\"request-release\"", "action=\"/promotions/pr-7h3k9w2m4q/cancel\"");

        Response asked = given().redirects().follow(false).cookie("kiln_console_session", releaser.cookie)
                .formParam("csrf", releaser.csrf).formParam("type", "promotion").formParam("from", " 4790.0.1 ")
                .formParam("to", "beta").formParam("channel", "stable").formParam("major", "4593")
                .formParam("arch", "amd64").formParam("vendors", "qemu_uefi").formParam("submission", "s-7")
                .post("/promotions");

        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.getHeader("Location")).endsWith("/channels#promotions");
        assertThat(FakeServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.what()).isEqualTo("POST /promotions key=console-s-7");
            assertThat(call.authorization()).isEqualTo("Bearer " + FakeServices.RELEASER_TOKEN);
            assertThat(call.body()).contains("\"type\":\"promotion\"", "\"from\":\"4790.0.1\"", "\"to\":\"beta\"",
                    "\"arches\":[\"amd64\"]", "\"vendors\":[\"qemu_uefi\"]").doesNotContain("channel", "major");
        });
    }

    @Test
    void aPatchWithoutAMajorIsNotSent() {
        Browser releaser = Browser.signedInWith(FakeServices.RELEASER_TOKEN, "release-manager-1");

        given().cookie("kiln_console_session", releaser.cookie).formParam("csrf", releaser.csrf).formParam("type", "patch")
                .formParam("channel", "stable").formParam("major", "").post("/promotions").then().statusCode(400)
                .body(containsString("major"));

        assertThat(FakeServices.CALLS).isEmpty();
    }

    @Test
    void aReleaserCancelsARequestWithTheirReason() {
        Browser releaser = Browser.signedInWith(FakeServices.RELEASER_TOKEN, "release-manager-1");

        given().redirects().follow(false).cookie("kiln_console_session", releaser.cookie).formParam("csrf", releaser.csrf)
                .formParam("reason", "wrong kernel config").post("/promotions/pr-7h3k9w2m4q/cancel").then().statusCode(303);

        assertThat(FakeServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.what()).isEqualTo("POST /promotions/pr-7h3k9w2m4q/cancel");
            assertThat(call.body()).isEqualTo("{\"reason\":\"wrong kernel config\"}");
        });
    }

    @Test
    void cachePageListsSizesDigestsAndDownloadLinks() {
        String html = given().get("/cache/images/amd64/4593.2.5/").then().statusCode(200).extract().asString();

        assertThat(html).contains("href=\"http://cache.test/cache/images/amd64/4593.2.5/flatcar_production_image.bin.bz2\"")
                .contains("469.0 MiB").contains("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
                .contains("171 B");
        given().redirects().follow(false).get("/cache/images").then().statusCode(303);
    }

    @Test
    void cachePageListsADirectoryWhoseVersionHasAPlus() {
        given().urlEncodingEnabled(false).get("/cache/images/amd64/4907.0.0+nightly-20261207-2100/").then().statusCode(200)
                .body(containsString("data-name=\"version.txt\""))
                .body(containsString("href=\"http://cache.test/cache/images/amd64/4907.0.0+nightly-20261207-2100/version.txt\""));
    }

    @Test
    void versionsPageLinksEachTagToItsBuildsAndOfficialOnesToTheirRelease() {
        given().get("/versions").then().statusCode(200)
                .body(containsString("href=\"/builds?tag=main-4799.0.0-nightly-20260821-2100\""))
                .body(containsString("href=\"/releases/4593.2.5\""));
    }
}
