package dev.kiln.release.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.release.testing.Api;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Channels show their gate policy (the bundled default here) and their boards; reads need no token. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ChannelApiTest {

    @Test
    void listsTheFourChannelsInOrderWithTheirPolicies() {
        given().get("/api/v1/channels").then().statusCode(200)
                .body("channel", contains("alpha", "beta", "stable", "lts"))
                .body("policy.requiredApprovals", contains(1, 1, 2, 2))
                .body("policy.minimumSoak", contains("PT0S", "PT336H", "PT672H", "PT672H"));
    }

    @Test
    void showsOneChannelsSuitesFlakeWindowAndBoard() {
        given().get("/api/v1/channels/stable").then().statusCode(200)
                .body("channel", equalTo("stable"))
                .body("policy.suites.name", contains("kola", "qemu_update"))
                .body("policy.suites.per", contains("vendor", "arch"))
                .body("policy.flakeAttempts", equalTo(2))
                .body("policy.autoPublish", equalTo(false))
                .body("policy.autoRollback", equalTo(false))
                .body("arches", empty());
    }

    @Test
    void anUnknownChannelIsANotFoundProblem() {
        given().get("/api/v1/channels/gamma").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(Api.PROBLEMS + "channel-not-found"))
                .body("detail", equalTo("no channel 'gamma'; channels are alpha, beta, stable, lts"));
    }
}
