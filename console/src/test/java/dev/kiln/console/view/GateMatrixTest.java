package dev.kiln.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.console.client.Releases;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateMatrixTest {

    @Test
    void suitesBecomeVendorByArchTablesAndAFailureBeforeAPassIsAFlake() {
        List<Releases.Requirement> requirements = List.of(
                suite("kola", "amd64", "qemu_uefi", "satisfied", attempt(1, "failed"), attempt(2, "passed")),
                suite("kola", "arm64", "qemu_uefi", "failed", attempt(1, "failed"), attempt(2, "failed")),
                suite("kola", "amd64", "ami", "missing"),
                suite("qemu_update", "amd64", null, "satisfied", attempt(1, "passed")),
                new Releases.Requirement("approvals", "waiting", "0 of 1", null, null, null, null, null, null, null, null, 1,
                        List.of(), List.of()));

        GateMatrix matrix = GateMatrix.of(requirements, List.of("amd64", "arm64"));

        assertThat(matrix.arches()).containsExactly("amd64", "arm64");
        assertThat(matrix.suites()).extracting(GateMatrix.SuiteTable::suite).containsExactly("kola", "qemu_update");
        GateMatrix.SuiteTable kola = matrix.suites().getFirst();
        assertThat(kola.rows()).extracting(GateMatrix.Row::vendor).containsExactly("ami", "qemu_uefi");
        GateMatrix.Row qemu = kola.rows().get(1);
        assertThat(qemu.cells()).extracting(GateMatrix.Cell::status).containsExactly("satisfied", "failed");
        assertThat(qemu.cells()).extracting(GateMatrix.Cell::flaky).containsExactly(true, false);
        assertThat(kola.rows().getFirst().cells()).extracting(GateMatrix.Cell::status).containsExactly("missing", "none");
        assertThat(matrix.suites().get(1).rows()).singleElement().extracting(GateMatrix.Row::vendor).isEqualTo("-");
    }

    private static Releases.Requirement suite(String suite, String arch, String vendor, String status,
            Releases.Attempt... attempts) {
        return new Releases.Requirement("suite", status, null, suite, arch, vendor, 2, List.of(attempts), null, null, null,
                null, null, null);
    }

    private static Releases.Attempt attempt(int n, String result) {
        return new Releases.Attempt("r-" + n, n, result, null, null);
    }
}
