package dev.kiln.artifact.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.artifact.support.FlatcarRelease;
import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.artifact.ArtifactServiceApi;
import dev.kiln.clients.artifact.ArtifactServiceClient;
import dev.kiln.clients.artifact.ChannelCopy;
import dev.kiln.clients.artifact.ChannelPointer;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shared client of clients/ against this service, with the service token it presents in every deployment. */
@QuarkusTest
class ArtifactServiceClientTest {

    @TestHTTPResource("/")
    URI base;

    private ArtifactServiceClient client() {
        return new ArtifactServiceClient(QuarkusRestClientBuilder.newBuilder().baseUri(base).build(ArtifactServiceApi.class));
    }

    @Test
    void publishesARelease() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4081, 3), "arm64", 2000).store(base);
        Version version = Version.parse(release.version());
        ArtifactServiceClient client = client();

        ChannelCopy copy = client.copyToChannel(Channel.LTS, "arm64", version);
        client.movePointer(Channel.LTS, "arm64", "current", version);
        client.putChannelFile("lts/lts-info", "text/plain", "4081:2024:supported\n".getBytes(StandardCharsets.UTF_8));
        client.putChannelFile("lts/arm64-usr/" + version + "/kiln-manifest.json", "application/json",
                "{\"version\":\"4081.3.6\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(copy.copied()).isEqualTo(8);
        assertThat(copy.files()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo(FlatcarRelease.IMAGE);
            assertThat(f.size()).isEqualTo(2000);
            assertThat(f.sha256()).hasSize(64);
        });
        assertThat(client.copyToChannel(Channel.LTS, "arm64", version).skipped()).isEqualTo(8);
        assertThat(client.pointers(Channel.LTS, "arm64")).extracting(ChannelPointer::name, ChannelPointer::version)
                .contains(org.assertj.core.groups.Tuple.tuple("current", release.version()));
        assertThat(client.readCacheFile("lts/arm64-usr/current/version.txt")).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(FlatcarRelease.versionTxt(release.version())));
        assertThat(client.readCacheFile("lts/lts-info")).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("4081:2024"));
        assertThat(client.readCacheFile("lts/arm64-usr/" + version + "/missing.txt")).isEmpty();
    }

    @Test
    void refusalsCarryTheProblemTypeAndAreNotRetried() {
        Version version = Version.parse(FlatcarRelease.freshVersion(4593, 2));
        ArtifactServiceClient client = client();

        assertThatThrownBy(() -> client.movePointer(Channel.STABLE, "amd64", "current", version))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problemType()).contains("version-not-in-channel");
                });
        assertThatThrownBy(() -> client.copyToChannel(Channel.STABLE, "amd64", version))
                .isInstanceOfSatisfying(ServiceCallException.class,
                        e -> assertThat(e.problemType()).contains("nothing-to-publish"));
        assertThatThrownBy(() -> client.putChannelFile("images/amd64/x.json", "application/json", new byte[] {'{', '}'}))
                .isInstanceOfSatisfying(ServiceCallException.class,
                        e -> assertThat(e.problemType()).contains("invalid-channel-file"));
    }

    @Test
    void withdrawsAndRemovesPointersIdempotently() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "arm64", 100).store(base);
        Version version = Version.parse(release.version());
        ArtifactServiceClient client = client();
        client.copyToChannel(Channel.STABLE, "arm64", version);

        client.removePointer(Channel.STABLE, "arm64", "current");
        client.removePointer(Channel.STABLE, "arm64", "current");
        client.withdraw(Channel.STABLE, "arm64", version, "bad kernel");
        client.withdraw(Channel.STABLE, "arm64", version, "bad kernel");

        assertThatThrownBy(() -> client.readCacheFile("stable/arm64-usr/" + version + "/version.txt"))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(410);
                    assertThat(e.problemType()).contains("version-withdrawn");
                });
    }
}
