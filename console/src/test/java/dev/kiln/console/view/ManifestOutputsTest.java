package dev.kiln.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ManifestOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsEveryArchsFilesWithSizeAndDigest() throws Exception {
        var manifest = JSON.readTree("""
                {"version":"4593.2.5","outputs":{
                  "amd64":[{"name":"flatcar_production_image.bin.bz2","size":512000000,"sha256":"ab12"},
                           {"name":"version.txt","size":230,"sha256":"cd34"}],
                  "arm64":[{"name":"version.txt","size":231,"sha256":"ef56"}]}}
                """);

        assertThat(ManifestOutputs.of(manifest)).containsExactly(
                new ManifestOutputs("amd64", "flatcar_production_image.bin.bz2", 512000000L, "ab12"),
                new ManifestOutputs("amd64", "version.txt", 230L, "cd34"),
                new ManifestOutputs("arm64", "version.txt", 231L, "ef56"));
    }

    @Test
    void isEmptyBeforePublication() throws Exception {
        assertThat(ManifestOutputs.of(JSON.readTree("{\"version\":\"4790.0.1\",\"outputs\":{}}"))).isEmpty();
        assertThat(ManifestOutputs.of(null)).isEmpty();
    }
}
