package dev.kiln.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.common.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    @ParameterizedTest(name = "page={0} size={1}")
    @CsvSource(nullValues = "-", value = {"-, -, 0, 50", "0, 1, 0, 1", "3, 500, 3, 500", "' 7 ', 20, 7, 20",
        "4294967, 500, 4294967, 500"})
    void readsWhatCallersSend(String page, String size, int expectedPage, int expectedSize) {
        PageRequest request = PageRequest.parse(page, size);

        assertThat(request.page()).isEqualTo(expectedPage);
        assertThat(request.size()).isEqualTo(expectedSize);
        assertThat((long) request.offset()).isEqualTo((long) expectedPage * expectedSize);
    }

    @ParameterizedTest(name = "page={0} size={1}")
    @CsvSource(nullValues = "-", value = {"abc, -", "-, 12345678901234567890", "2147483647, 50", "-1, -", "-, 0",
        "-, 501", "1.5, -", "0x10, -", "'', '%00'"})
    void refusesWithAnInvalidPageProblem(String page, String size) {
        assertThatThrownBy(() -> PageRequest.parse(page, size)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.slug()).isEqualTo("invalid-page");
        });
    }
}
