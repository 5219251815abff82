package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.RELEASER;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.MutableClock;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import dev.kiln.version.support.TestSigningKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Each kind of allocation against a real bare repository: the tag, the commit and the branch Flatcar's tooling expects. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class AllocationKindsTest {

    private static final String SIGN_OFF = "\n\nSigned-off-by: flatcar-ci <infra+ci@flatcar-linux.org>\n";

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @ConfigProperty(name = "kiln.version.signing.key-file")
    Path signingKey;

    @Test
    void mainNightlyCommitsVersionFileOnMainAndTagsTheCommit() {
        ScriptsRemote remote = remote();
        String mainBefore = remote.branch("main").orElseThrow().name();
        clock.set("2026-08-22T21:00:00Z");
        String tag = "main-4800.0.0-nightly-20260822-2100";

        String commit = allocate(BUILDER, body("kind", "nightly")).statusCode(201)
                .header("Location", endsWith("/api/v1/versions/" + tag))
                .body("tag", equalTo(tag))
                .body("version", equalTo("4800.0.0+nightly-20260822-2100"))
                .body("versionId", equalTo("4800.0.0"))
                .body("buildId", equalTo("nightly-20260822-2100"))
                .body("sdkVersion", equalTo("4800.0.0+nightly-20260822-2100"))
                .body("group", equalTo("developer"))
                .body("channel", equalTo("alpha"))
                .body("branch", equalTo("main"))
                .body("official", equalTo(false))
                .body("status", equalTo("tagged"))
                .body("dockerVersion", equalTo("4800.0.0-nightly-20260822-2100"))
                .body("commit", matchesPattern("[0-9a-f]{40}"))
                .extract().path("commit");

        assertThat(remote.branch("main").orElseThrow().name()).isEqualTo(commit);
        assertVersionCommit(remote, tag, mainBefore, ScriptsRemote.versionFile("4800.0.0+nightly-20260822-2100", "4800.0.0",
                "nightly-20260822-2100", "4800.0.0+nightly-20260822-2100"), Instant.parse("2026-08-22T21:00:00Z"));
        assertThat(remote.annotatedTag(tag).orElseThrow().getRawGpgSignature()).as("nightlies are not signed").isNull();
    }

    @Test
    void maintenanceNightlyReusesTheBranchsLastReleaseAndItsSdk() {
        ScriptsRemote remote = remote();
        String branchBefore = remote.branch("flatcar-4593").orElseThrow().name();
        clock.set("2026-08-22T21:00:00Z");
        String tag = "stable-4593.2.5-nightly-20260822-2100";

        allocate(BUILDER, body("kind", "nightly", "branch", "flatcar-4593")).statusCode(201)
                .body("tag", equalTo(tag))
                .body("sdkVersion", equalTo("4593.0.0"))
                .body("group", equalTo("stable"))
                .body("channel", equalTo("stable"))
                .body("branch", equalTo("flatcar-4593"));

        assertVersionCommit(remote, tag, branchBefore, ScriptsRemote.versionFile("4593.2.5+nightly-20260822-2100", "4593.2.5",
                "nightly-20260822-2100", "4593.0.0"), Instant.parse("2026-08-22T21:00:00Z"));
        assertThat(remote.branch("flatcar-4593").orElseThrow()).isEqualTo(remote.commitOf(tag).getId());
    }

    @Test
    void newAlphaMajorCreatesItsReleaseBranchFromMainAndSignsTheTag() {
        ScriptsRemote remote = remote();
        String mainBefore = remote.branch("main").orElseThrow().name();
        clock.set("2026-08-24T10:15:00Z");

        allocate(RELEASER, body("kind", "alpha")).statusCode(201)
                .body("tag", equalTo("alpha-4802.0.0"))
                .body("version", equalTo("4802.0.0"))
                .body("buildId", nullValue())
                .body("sdkVersion", equalTo("4802.0.0"))
                .body("group", equalTo("alpha"))
                .body("branch", equalTo("flatcar-4802"))
                .body("official", equalTo(true));

        assertThat(remote.branch("flatcar-4802")).contains(remote.commitOf("alpha-4802.0.0").getId());
        assertThat(remote.branch("main").orElseThrow().name()).as("main is untouched").isEqualTo(mainBefore);
        assertVersionCommit(remote, "alpha-4802.0.0", mainBefore,
                ScriptsRemote.versionFile("4802.0.0", "4802.0.0", "", "4802.0.0"), Instant.parse("2026-08-24T10:15:00Z"));
        assertSignedByTheConfiguredKey(remote.annotatedTag("alpha-4802.0.0").orElseThrow());
    }

    @Test
    void promotionBumpsTheMinorOnTheReleaseBranchAndKeepsTheSdk() {
        ScriptsRemote remote = remote();
        String branchBefore = remote.branch("flatcar-4790").orElseThrow().name();

        allocate(RELEASER, body("kind", "promotion", "from", "alpha-4790.0.1", "to", "beta")).statusCode(201)
                .body("tag", equalTo("beta-4790.1.0"))
                .body("sdkVersion", equalTo("4790.0.0"))
                .body("group", equalTo("beta"))
                .body("channel", equalTo("beta"))
                .body("branch", equalTo("flatcar-4790"));

        assertVersionCommit(remote, "beta-4790.1.0", branchBefore, ScriptsRemote.versionFile("4790.1.0", "4790.1.0", "", "4790.0.0"),
                clock.instant());
        assertThat(remote.branch("flatcar-4790")).contains(remote.commitOf("beta-4790.1.0").getId());
        assertSignedByTheConfiguredKey(remote.annotatedTag("beta-4790.1.0").orElseThrow());
    }

    @Test
    void patchTakesTheNextFreePatchOfTheChannel() {
        ScriptsRemote remote = remote();
        String branchBefore = remote.branch("flatcar-4081").orElseThrow().name();

        allocate(RELEASER, body("kind", "patch", "from", "lts-4081.3.10")).statusCode(201)
                .body("tag", equalTo("lts-4081.3.11"))
                .body("sdkVersion", equalTo("4081.0.0"))
                .body("group", equalTo("lts"))
                .body("branch", equalTo("flatcar-4081"));

        assertVersionCommit(remote, "lts-4081.3.11", branchBefore, ScriptsRemote.versionFile("4081.3.11", "4081.3.11", "", "4081.0.0"),
                clock.instant());
        assertSignedByTheConfiguredKey(remote.annotatedTag("lts-4081.3.11").orElseThrow());
    }

    @Test
    void devBuildIsAFreeStandingTagOnTheBranchHead() {
        ScriptsRemote remote = remote();
        String featureHead = remote.branch("feature/faster-boot").orElseThrow().name();

        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "faster-boot-1")).statusCode(201)
                .body("tag", equalTo("main-4799.0.0-faster-boot-1"))
                .body("version", equalTo("4799.0.0+faster-boot-1"))
                .body("sdkVersion", equalTo("4799.0.0+nightly-20260821-2100"))
                .body("branch", nullValue())
                .body("baseBranch", equalTo("feature/faster-boot"));

        assertVersionCommit(remote, "main-4799.0.0-faster-boot-1", featureHead,
                ScriptsRemote.versionFile("4799.0.0+faster-boot-1", "4799.0.0", "faster-boot-1", "4799.0.0+nightly-20260821-2100"),
                clock.instant());
        assertThat(remote.branch("feature/faster-boot").orElseThrow().name()).as("dev tags are free-standing").isEqualTo(featureHead);
        assertThat(remote.annotatedTag("main-4799.0.0-faster-boot-1").orElseThrow().getRawGpgSignature()).isNull();
    }

    private void assertVersionCommit(ScriptsRemote remote, String tag, String parent, String versionFile, Instant when) {
        RevCommit commit = remote.commitOf(tag);
        assertThat(commit.getFullMessage()).isEqualTo("New version: " + tag + SIGN_OFF);
        assertThat(commit.getParent(0).name()).isEqualTo(parent);
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("flatcar-ci");
        assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("infra+ci@flatcar-linux.org");
        assertThat(commit.getCommitterIdent()).isEqualTo(commit.getAuthorIdent());
        assertThat(commit.getAuthorIdent().getWhenAsInstant()).isEqualTo(when);
        assertThat(remote.changedPaths(tag)).containsExactly(ScriptsRemote.VERSION_FILE);
        assertThat(remote.file("refs/tags/" + tag, ScriptsRemote.VERSION_FILE)).contains(versionFile);
        RevTag annotated = remote.annotatedTag(tag).orElseThrow();
        assertThat(annotated.getTagName()).isEqualTo(tag);
        assertThat(annotated.getTaggerIdent().getName()).isEqualTo("flatcar-ci");
        assertThat(annotated.getFullMessage()).startsWith(tag + "\n");
    }

    private void assertSignedByTheConfiguredKey(RevTag tag) {
        byte[] signature = tag.getRawGpgSignature();
        assertThat(signature).as("release tags are signed").isNotNull();
        byte[] raw = tag.getRawBuffer();
        String text = new String(raw, StandardCharsets.UTF_8);
        int start = text.indexOf("-----BEGIN PGP SIGNATURE-----");
        byte[] payload = Arrays.copyOf(raw, text.substring(0, start).getBytes(StandardCharsets.UTF_8).length);
        assertThat(TestSigningKey.verifies(signingKey, payload, new String(signature, StandardCharsets.US_ASCII))).isTrue();
        assertThat(TestSigningKey.verifies(signingKey, "tampered".getBytes(StandardCharsets.UTF_8),
                new String(signature, StandardCharsets.US_ASCII))).isFalse();
    }

    private ScriptsRemote remote() {
        return ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
    }
}
