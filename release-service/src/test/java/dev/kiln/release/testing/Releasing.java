package dev.kiln.release.testing;

import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.RELEASER2;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.as;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.decide;
import static dev.kiln.release.testing.Api.report;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.service.Candidates;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;

/** Brings releases to ready under the bundled default policy, through the API a test system and releasers use. */
public final class Releasing {

    private Releasing() {
    }

    public static String candidate(Candidates candidates, String version, List<String> arches) {
        candidates.buildSucceeded(Builds.succeeded(version, arches, List.of("qemu_uefi")));
        return version;
    }

    /** Built for {@code arches}, every required suite passed, approved by as many releasers as the channel needs. */
    public static String ready(Candidates candidates, String version, List<String> arches) {
        candidate(candidates, version, arches);
        boolean promotedChannel = Version.parse(version).channel() != Channel.ALPHA;
        for (String arch : arches) {
            report(TESTER, version, body("suite", "kola", "arch", arch, "vendor", "qemu_uefi", "result", "passed")).statusCode(201);
            if (promotedChannel) {
                report(TESTER, version, body("suite", "qemu_update", "arch", arch, "result", "passed")).statusCode(201);
            }
        }
        Channel channel = Version.parse(version).channel();
        boolean two = channel == Channel.STABLE || channel == Channel.LTS;
        ValidatableResponse last = decide(RELEASER, version, "approve", "go").statusCode(201);
        if (two) {
            last = decide(RELEASER2, version, "approve", "go").statusCode(201);
        }
        last.body("releaseState", equalTo("ready"));
        return version;
    }

    public static ValidatableResponse publish(String channel, String version) {
        return as(RELEASER).contentType(ContentType.JSON).body(body("version", version))
                .post("/api/v1/channels/" + channel + "/publications").then();
    }

    public static ValidatableResponse withdraw(String token, String version, String reason) {
        return as(token).contentType(ContentType.JSON).body(body("reason", reason))
                .post("/api/v1/releases/" + version + "/withdraw").then();
    }
}
