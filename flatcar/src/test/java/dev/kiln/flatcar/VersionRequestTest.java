package dev.kiln.flatcar;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one set of per-kind field rules that version-service enforces and every caller checks before asking. */
class VersionRequestTest {

    @ParameterizedTest(name = "{0} branch={1} from={2} to={3} suffix={4}")
    @CsvSource(nullValues = "-", value = {
        "NIGHTLY,   -,             -,               -,    -",
        "NIGHTLY,   main,          -,               -,    -",
        "NIGHTLY,   flatcar-4593,  -,               -,    -",
        "ALPHA,     -,             -,               -,    -",
        "PROMOTION, -,             alpha-4790.0.1,  beta, -",
        "PROMOTION, -,             alpha-4790.0.1,  -,    -",
        "PATCH,     -,             stable-4593.2.5, -,    -",
        "DEV,       -,             -,               -,    fix-nvidia",
        "DEV,       feature/x,     stable-4593.2.5, -,    fix-nvidia",
    })
    void acceptsTheFieldsEachKindTakes(VersionKind kind, String branch, String from, String to, String suffix) {
        VersionRequest request = new VersionRequest(kind, branch, from, to, suffix, null);

        assertThatCode(request::checkFields).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} branch={1} from={2} to={3} suffix={4}: {5}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "ALPHA     | main | -               | -    | -    | branch: is not used by kind alpha",
        "ALPHA     | -    | stable-4593.2.5 | -    | -    | from: is not used by kind alpha",
        "NIGHTLY   | main | -               | beta | -    | to: is not used by kind nightly",
        "PROMOTION | -    | -               | beta | -    | from: is required for kind promotion",
        "PATCH     | -    | -               | -    | -    | from: is required for kind patch",
        "PATCH     | -    | stable-4593.2.5 | beta | -    | to: is not used by kind patch",
        "DEV       | -    | -               | -    | -    | suffix: is required for kind dev",
        "NIGHTLY   | -    | -               | -    | fix  | suffix: is not used by kind nightly",
    })
    void refusesAMissingOrUnusedField(VersionKind kind, String branch, String from, String to, String suffix,
            String problem) {
        VersionRequest request = new VersionRequest(kind, branch, from, to, suffix, null);

        assertThatThrownBy(request::checkFields).isInstanceOf(InvalidVersionRequestException.class).hasMessageContaining(problem);
    }
}
