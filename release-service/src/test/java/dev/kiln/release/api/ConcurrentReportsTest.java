package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Db;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reports for one release arriving at once are taken one at a time: distinct attempts, one verdict. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ConcurrentReportsTest {

    @Inject
    Candidates candidates;

    @Test
    void simultaneousReportsWithoutAttemptGetDistinctAttempts() throws Exception {
        candidates.buildSucceeded(Builds.succeeded("4790.0.60", List.of("amd64"), List.of("qemu_uefi")));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> attempts = IntStream.range(0, 6).mapToObj(i -> pool.submit(() ->
                    report(TESTER, "4790.0.60", body("suite", "kola", "arch", "amd64", "vendor", "qemu_uefi", "result", "failed"))
                            .statusCode(201).extract().<Integer>path("attempt"))).toList();

            List<Integer> numbers = new java.util.ArrayList<>();
            for (Future<Integer> attempt : attempts) {
                numbers.add(attempt.get());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count("release_transition", "version = ? and to_state = 'rejected'", "4790.0.60")).isEqualTo(1);
    }
}
