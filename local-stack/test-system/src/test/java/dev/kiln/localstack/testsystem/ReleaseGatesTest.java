package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReleaseGatesTest {

    @Test
    void everySuiteRequirementOfTheGatesIsOneTargetAndOtherKindsAreNot() throws Exception {
        String gates = """
                {"version":"4790.1.0","channel":"beta","state":"candidate","verdict":"pending","requirements":[
                  {"kind":"suite","status":"missing","detail":"no report yet","suite":"kola","arch":"amd64",
                   "vendor":"qemu_uefi","flakeAttempts":2,"attempts":[]},
                  {"kind":"suite","status":"waiting","detail":"failed 1 of 2 attempt(s); 1 left","suite":"kola",
                   "arch":"arm64","vendor":"qemu_uefi","flakeAttempts":2,"attempts":[]},
                  {"kind":"suite","status":"missing","detail":"no report yet","suite":"qemu_update","arch":"amd64",
                   "flakeAttempts":2,"attempts":[]},
                  {"kind":"soak","status":"satisfied","detail":"no soak required","minimum":"PT0S","remaining":"PT0S"},
                  {"kind":"approvals","status":"missing","detail":"0 of 1","required":1,"counted":[],"decisions":[]}
                ]}""";

        assertThat(ReleaseGates.targets(new ObjectMapper().readTree(gates))).containsExactly(
                new Target("kola", "amd64", "qemu_uefi", 2),
                new Target("kola", "arm64", "qemu_uefi", 2),
                new Target("qemu_update", "amd64", null, 2));
    }
}
