package dev.kiln.release.domain.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineInputsTest {

    private static final String OS_DIGEST = "4be2f6c1a9d03e7b5c8f1a2d6e9b0c3f7a4d8e1b5c9f2a6d0e3b7c1f4a8d2e5b";

    @Test
    void keepsTheOsPipelineItsDigestAndItsParamsSortedByName() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("seedSdkVersion", "4593.0.0");
        params.put("agentImage", "ghcr.io/flatcar/flatcar-host:latest");

        PipelineInputs inputs = new PipelineInputs("os", OS_DIGEST, params);

        assertThat(inputs.name()).isEqualTo("os");
        assertThat(inputs.digest()).isEqualTo(OS_DIGEST);
        assertThat(inputs.params().keySet()).containsExactly("agentImage", "seedSdkVersion");
    }

    @Test
    void aDigestThatIsNoSha256AndANameTooLongForTheReleaseAreKeptAsUnknown() {
        PipelineInputs inputs = new PipelineInputs("x".repeat(201), "sha256:" + OS_DIGEST, null);

        assertThat(inputs).isEqualTo(PipelineInputs.UNKNOWN);
    }

    @Test
    void aBuildAnnouncedBeforeTheFieldsExistedHasUnknownInputs() {
        PipelineInputs inputs = new PipelineInputs(" ", null, Map.of());

        assertThat(inputs.name()).isNull();
        assertThat(inputs.digest()).isNull();
        assertThat(inputs.params()).isEmpty();
    }
}
