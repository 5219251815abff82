package dev.kiln.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    /** One stack takes eight ports, a test JVM many stacks: probing and releasing alone repeats ports within ~2,000 picks. */
    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> seen = new HashSet<>();

        IntStream.range(0, 3_000).forEach(i -> assertThat(seen.add(FreePorts.next())).as("pick %d", i).isTrue());

        assertThat(seen).hasSize(3_000);
    }
}
