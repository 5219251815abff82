package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    @TempDir
    Path quarkusApp;

    @Test
    void usesACacheWrittenAfterTheJar() throws IOException {
        Path jar = jar(Instant.parse("2026-12-07T18:00:00Z"));
        cache(Instant.parse("2026-12-07T18:05:00Z"));

        AotCache cache = AotCache.of(jar, AotCache.Mode.AUTO);

        assertThat(cache.fresh()).isTrue();
        assertThat(cache.trains()).isFalse();
        assertThat(cache.jvmOptions()).containsExactly("-XX:AOTCache=" + quarkusApp.resolve("app.aot"));
    }

    @Test
    void trainsInAutoModeWhenTheJarWasRebuiltAfterTheCache() throws IOException {
        Path jar = jar(Instant.parse("2026-12-07T18:10:00Z"));
        cache(Instant.parse("2026-12-07T18:05:00Z"));

        AotCache cache = AotCache.of(jar, AotCache.Mode.AUTO);

        assertThat(cache.fresh()).isFalse();
        assertThat(cache.trains()).isTrue();
        assertThat(cache.jvmOptions()).singleElement().asString().startsWith("-XX:AOTCacheOutput=")
                .endsWith(".training").doesNotContain("=" + quarkusApp.resolve("app.aot") + " ");
    }

    @Test
    void neverTrainsInUseModeAndStartsWithoutAStaleCache() throws IOException {
        Path jar = jar(Instant.parse("2026-12-07T18:10:00Z"));
        cache(Instant.parse("2026-12-07T18:05:00Z"));

        AotCache cache = AotCache.of(jar, AotCache.Mode.USE);

        assertThat(cache.trains()).isFalse();
        assertThat(cache.jvmOptions()).isEmpty();
    }

    @Test
    void offIgnoresEvenAFreshCache() throws IOException {
        Path jar = jar(Instant.parse("2026-12-07T18:00:00Z"));
        cache(Instant.parse("2026-12-07T18:05:00Z"));

        assertThat(AotCache.of(jar, AotCache.Mode.OFF).jvmOptions()).isEmpty();
    }

    @Test
    void publishesWhatATrainingRunWroteInPlaceOfTheCache() throws IOException {
        Path jar = jar(Instant.parse("2026-12-07T18:00:00Z"));
        AotCache cache = AotCache.of(jar, AotCache.Mode.TRAIN);
        Path written = Path.of(cache.jvmOptions().getFirst().substring("-XX:AOTCacheOutput=".length()));
        Files.writeString(written, "trained on version-service 4593.2.5");

        cache.publishTraining();

        assertThat(quarkusApp.resolve("app.aot")).hasContent("trained on version-service 4593.2.5");
        assertThat(written).doesNotExist();
        assertThat(AotCache.of(jar, AotCache.Mode.USE).jvmOptions())
                .isEqualTo(List.of("-XX:AOTCache=" + quarkusApp.resolve("app.aot")));
    }

    @Test
    void aTrainingRunKilledBeforeWritingLeavesTheOldCache() throws IOException {
        Path jar = jar(Instant.parse("2026-12-07T18:10:00Z"));
        cache(Instant.parse("2026-12-07T18:05:00Z"));

        AotCache.of(jar, AotCache.Mode.TRAIN).publishTraining();

        assertThat(quarkusApp.resolve("app.aot")).hasContent("old");
    }

    private Path jar(Instant modified) throws IOException {
        Path jar = Files.writeString(quarkusApp.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(modified));
        return jar;
    }

    private void cache(Instant modified) throws IOException {
        Path cache = Files.writeString(quarkusApp.resolve("app.aot"), "old");
        Files.setLastModifiedTime(cache, FileTime.from(modified));
    }
}
