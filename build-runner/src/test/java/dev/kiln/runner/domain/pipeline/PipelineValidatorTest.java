package dev.kiln.runner.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.runner.domain.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineValidatorTest {

    private static final String HEADER = "name: demo\nparams: {registry: ghcr.io/flatcar}\n";

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                Arguments.of("cycle", """
                        steps:
                          - {name: packages, image: sdk, run: x, needs: [image]}
                          - {name: image, image: sdk, run: x, needs: [vms]}
                          - {name: vms, image: sdk, run: x, needs: [packages]}
                        """, "needs form a cycle: packages -> image -> vms -> packages"),
                Arguments.of("unknown need", """
                        steps:
                          - {name: packages, image: sdk, run: x}
                          - {name: image, image: sdk, run: x, needs: [packges]}
                        """, "step 'image' needs unknown step 'packges'"),
                Arguments.of("self need", """
                        steps:
                          - {name: image, image: sdk, run: x, needs: [image]}
                        """, "step 'image' needs itself"),
                Arguments.of("duplicate step", """
                        steps:
                          - {name: image, image: sdk, run: x}
                          - {name: image, image: sdk, run: y}
                        """, "step 'image' is defined twice"),
                Arguments.of("bad step name", """
                        steps:
                          - {name: Push-Pkgs, image: sdk, run: x}
                        """, "step name 'Push-Pkgs' must match"),
                Arguments.of("arch outside a per-arch step", """
                        steps:
                          - {name: sdk_container, image: sdk, run: "build ${arch}"}
                        """, "step 'sdk_container': ${arch} is only known in a step with perArch: true"),
                Arguments.of("vendor outside a per-vendor step", """
                        steps:
                          - {name: image, perArch: true, image: sdk, run: "vm_build ${arch} ${formats}"}
                        """, "step 'image': ${formats} is only known in a step with perVendor: true"),
                Arguments.of("unknown variable", """
                        steps:
                          - {name: image, image: sdk, run: "echo ${flatcarVersion}"}
                        """, "step 'image': ${flatcarVersion} is not a known variable"),
                Arguments.of("undeclared parameter", """
                        steps:
                          - {name: image, image: "${params.mirror}/sdk", run: x}
                        """, "step 'image': ${params.mirror} names an undeclared parameter"),
                Arguments.of("image of a step that is not upstream", """
                        steps:
                          - {name: packages, perArch: true, image: sdk, producesImage: "pkgs-${arch}", run: x}
                          - {name: image, perArch: true, image: "${steps.packages.image}", run: x}
                        """, "step 'image': ${steps.packages.image}: step 'packages' is not upstream of this step"),
                Arguments.of("image of a step that produces none", """
                        steps:
                          - {name: packages, perArch: true, image: sdk, run: x}
                          - {name: image, perArch: true, needs: [packages], image: "${steps.packages.image}", run: x}
                        """, "step 'packages' declares no producesImage"),
                Arguments.of("image of a per-arch producer in a step that is not per arch", """
                        steps:
                          - {name: packages, perArch: true, image: sdk, producesImage: "pkgs-${arch}", run: x}
                          - {name: report, needs: [packages], image: "${steps.packages.image}", run: x}
                        """, "the image of 'packages' depends on a fan-out this step does not have"),
                Arguments.of("unclosed placeholder", """
                        steps:
                          - {name: image, image: "sdk:${version", run: x}
                        """, "step 'image': image: unclosed '${'"),
                Arguments.of("per vendor without per arch", """
                        steps:
                          - {name: vms, perVendor: true, image: sdk, run: x}
                        """, "step 'vms': perVendor needs perArch: true"),
                Arguments.of("unknown vendor in a filter", """
                        steps:
                          - {name: vms, perArch: true, perVendor: true, vendors: {exclude: [qemuu]}, image: sdk, run: x}
                        """, "step 'vms': vendors.exclude: unknown vendor 'qemuu'"),
                Arguments.of("run and command", """
                        steps:
                          - {name: image, image: sdk, run: x, command: [bash]}
                        """, "step 'image': exactly one of 'run' (a bash script) or 'command' must be set"),
                Arguments.of("no image", """
                        steps:
                          - {name: image, run: x}
                        """, "step 'image': image is required"),
                Arguments.of("bad timeout", """
                        steps:
                          - {name: image, image: sdk, run: x, timeout: 4 hours}
                        """, "step 'image': timeout: '4 hours' is not a duration"),
                Arguments.of("no attempts", """
                        steps:
                          - {name: image, image: sdk, run: x, retry: {attempts: 0}}
                        """, "step 'image': retry: attempts must be at least 1"),
                Arguments.of("reserved env", """
                        steps:
                          - {name: image, image: sdk, run: x, env: {KILN_VERSION: "1"}}
                        """, "env: 'KILN_VERSION' is reserved"),
                Arguments.of("volume without source", """
                        steps:
                          - {name: image, image: sdk, run: x, volumes: [{name: scratch, mountPath: /scratch}]}
                        """, "volume 'scratch' needs exactly one of emptyDir, hostPath"),
                Arguments.of("absolute output", """
                        steps:
                          - {name: image, image: sdk, run: x, outputs: [/images/x.bin]}
                        """, "output '/images/x.bin' must be a relative cache path"),
                Arguments.of("glob in a directory", """
                        steps:
                          - {name: image, image: sdk, run: x, outputs: ["images/*/x.bin"]}
                        """, "a '*' may only appear in the file name"),
                Arguments.of("host dev unprivileged", """
                        steps:
                          - {name: image, image: sdk, run: x, hostDev: true}
                        """, "step 'image': hostDev needs privileged: true"),
                Arguments.of("bad quantity", """
                        steps:
                          - {name: image, image: sdk, run: x, resources: {requests: {cpu: "4 cores"}}}
                        """, "resources.requests.cpu: '4 cores' is not a Kubernetes quantity"),
                Arguments.of("bad resource name", """
                        steps:
                          - {name: image, image: sdk, run: x, resources: {limits: {gpu: "1"}}}
                        """, "resources.limits.gpu: 'gpu' is not a resource name"),
                Arguments.of("volume over the checkout", """
                        steps:
                          - {name: image, image: sdk, run: x, volumes: [{name: src, mountPath: /work/scripts, emptyDir: {}}]}
                        """, "volume 'src': mountPath '/work/scripts' is already mounted"),
                Arguments.of("two volumes on one path", """
                        steps:
                          - name: image
                            image: sdk
                            run: x
                            volumes:
                              - {name: a, mountPath: /var/tmp/portage, emptyDir: {}}
                              - {name: b, mountPath: /var/tmp/portage, persistentVolumeClaim: portage}
                        """, "volume 'b': mountPath '/var/tmp/portage' is already mounted"),
                Arguments.of("volume over the docker socket", """
                        steps:
                          - {name: image, image: sdk, run: x, dockerDaemon: true, volumes: [{name: s, mountPath: /run/kiln-docker, emptyDir: {}}]}
                        """, "volume 's': mountPath '/run/kiln-docker' is already mounted"),
                Arguments.of("relative host path", """
                        steps:
                          - {name: image, image: sdk, run: x, volumes: [{name: kvm, mountPath: /dev/kvm, hostPath: dev/kvm}]}
                        """, "volume 'kvm': hostPath 'dev/kvm' must be an absolute path"),
                Arguments.of("emptyDir medium", """
                        steps:
                          - {name: image, image: sdk, run: x, volumes: [{name: t, mountPath: /scratch, emptyDir: {medium: Disk}}]}
                        """, "emptyDir.medium must be Memory or empty, was 'Disk'"),
                Arguments.of("optional emptyDir", """
                        steps:
                          - {name: image, image: sdk, run: x, volumes: [{name: t, mountPath: /scratch, emptyDir: {}, optional: true}]}
                        """, "volume 't': only secret and configMap volumes can be optional"),
                Arguments.of("Kiln's own ssh key volume name", """
                        steps:
                          - {name: image, image: sdk, run: x, volumes: [{name: bincache-ssh, mountPath: /keys, secret: k}]}
                        """, "volume name 'bincache-ssh' must be a DNS label other than"),
                Arguments.of("toleration Exists with value", """
                        steps:
                          - {name: image, image: sdk, run: x, tolerations: [{key: dedicated, operator: Exists, value: kiln}]}
                        """, "toleration with operator Exists may not have a value"),
                Arguments.of("tolerationSeconds without NoExecute", """
                        steps:
                          - {name: image, image: sdk, run: x, tolerations: [{key: a, value: b, effect: NoSchedule, tolerationSeconds: 60}]}
                        """, "tolerationSeconds only applies to effect NoExecute"),
                Arguments.of("two steps with one Job name", """
                        steps:
                          - {name: sdk, perArch: true, image: sdk, run: x}
                          - {name: sdk_amd64, image: sdk, run: x}
                        """, "steps 'sdk' and 'sdk_amd64' would run as the same Job (run sdk-amd64)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void rejectsAnInvalidDefinitionWithAMessageNamingTheStepAndRule(String caseName, String steps, String message) {
        assertThatThrownBy(() -> Fixtures.yaml(HEADER + steps))
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("test.yaml")
                .satisfies(e -> assertThat(((PipelineDefinitionException) e).problems())
                        .anySatisfy(p -> assertThat(p).contains(message)));
    }

    @Test
    void reportsEveryProblemOfADefinitionAtOnce() {
        String steps = """
                steps:
                  - {name: image, image: "sdk:${arch}", run: x, timeout: soon}
                  - {name: vms, image: sdk, run: "${vendor}"}
                """;

        assertThatThrownBy(() -> Fixtures.yaml(HEADER + steps))
                .satisfies(e -> assertThat(((PipelineDefinitionException) e).problems()).hasSize(3));
    }

    @Test
    void rejectsAnUnknownYamlKeyAndListsTheKnownOnes() {
        String steps = """
                steps:
                  - {name: image, image: sdk, run: x, perarch: true}
                """;

        assertThatThrownBy(() -> Fixtures.yaml(HEADER + steps))
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("unknown key 'perarch'")
                .hasMessageContaining("perArch");
    }

    @Test
    void appliesDefaultsUnlessTheStepSetsItsOwn() {
        Pipeline pipeline = Fixtures.yaml(HEADER + """
                defaults:
                  image: ${params.registry}/sdk
                  timeout: 3h
                  retry: {attempts: 3, backoff: 1m}
                  env: {GOMAXPROCS: "4", TZ: UTC}
                  volumes: [{name: scratch, mountPath: /scratch, emptyDir: {sizeLimit: 10Gi}}]
                steps:
                  - {name: packages, run: x}
                  - {name: image, needs: [packages], run: x, timeout: 30m, env: {TZ: Europe/Berlin},
                     volumes: [{name: dev-cache, mountPath: /cache, hostPath: /var/cache/kiln}]}
                """);

        StepDefinition packages = pipeline.step("packages").orElseThrow();
        StepDefinition image = pipeline.step("image").orElseThrow();
        assertThat(packages.timeout()).isEqualTo(Duration.ofHours(3));
        assertThat(image.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(image.image().source()).isEqualTo("${params.registry}/sdk");
        assertThat(image.retry().attempts()).isEqualTo(3);
        assertThat(image.env()).containsEntry("TZ", Template.parse("Europe/Berlin"))
                .containsEntry("GOMAXPROCS", Template.parse("4"));
        assertThat(image.pod().volumes()).extracting(PodSettings.Volume::name).containsExactly("scratch", "dev-cache");
    }

    @Test
    void ordersStepsSoThatEachComesAfterWhatItNeeds() {
        Pipeline pipeline = Fixtures.yaml(HEADER + """
                steps:
                  - {name: tests, image: sdk, run: x, needs: [vms, image]}
                  - {name: vms, image: sdk, run: x, needs: [image]}
                  - {name: image, image: sdk, run: x, needs: [packages]}
                  - {name: push_pkgs, image: sdk, run: x, needs: [packages]}
                  - {name: packages, image: sdk, run: x}
                """);

        assertThat(pipeline.steps()).extracting(StepDefinition::name)
                .containsExactly("packages", "image", "vms", "tests", "push_pkgs");
    }

    @Test
    void bundledPipelinesMirrorFlatcarsStepScripts() {
        assertThat(Fixtures.bundled("full").steps()).extracting(StepDefinition::name)
                .containsExactly("sdk_bootstrap", "sdk_container", "packages", "push_pkgs", "image", "vms", "tests");
        assertThat(Fixtures.bundled("os").steps()).extracting(StepDefinition::name)
                .containsExactly("packages", "push_pkgs", "image", "vms", "tests");
        assertThat(Fixtures.bundled("sysext").steps()).extracting(StepDefinition::name)
                .containsExactly("sysext", "sysext_release");
        assertThat(Fixtures.bundled("full").step("image").orElseThrow().pod().privileged()).isTrue();
        assertThat(Fixtures.bundled("full").step("image").orElseThrow().pod().hostDev()).isTrue();
        assertThat(Fixtures.bundled("full").step("tests").orElseThrow().retry().attempts()).isEqualTo(1);
        assertThat(List.of("vms", "tests")).allSatisfy(s -> assertThat(Fixtures.bundled("os").step(s).orElseThrow()
                .perVendor()).isTrue());
    }
}
