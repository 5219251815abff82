package dev.kiln.runner.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

    private static final Map<String, String> VALUES = Map.of(
            "registry", "ghcr.io/flatcar", "arch", "arm64", "sdkVersionDocker", "4799.0.0-nightly-20260821-2100",
            "version", "4799.0.0+nightly-20260821-2100", "params.registry", "ghcr.io/flatcar",
            "steps.packages.image", "ghcr.io/flatcar/flatcar-packages-arm64:4799.0.0-nightly-20260821-2100");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${params.registry}/flatcar-sdk-${arch}:${sdkVersionDocker} | ghcr.io/flatcar/flatcar-sdk-arm64:4799.0.0-nightly-20260821-2100",
            "images/${arch}/${version}/version.txt                    | images/arm64/4799.0.0+nightly-20260821-2100/version.txt",
            "${steps.packages.image}                                   | ghcr.io/flatcar/flatcar-packages-arm64:4799.0.0-nightly-20260821-2100",
            "echo $${HOME} costs $$5                                   | echo ${HOME} costs $5",
            "no placeholders at all                                    | no placeholders at all",
            "${ arch }                                                 | arm64"})
    void rendersPlaceholdersWithTheirValues(String source, String expected) {
        assertThat(Template.parse(source).render(VALUES)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "images/${arch/x         | unclosed '${' at position 7",
            "${}                     | invalid placeholder '${}'",
            "${1arch}                | invalid placeholder '${1arch}'",
            "${arch name}            | invalid placeholder '${arch name}'",
            "cost $5                 | a '$' must start '${name}' or be doubled as '$$'"})
    void rejectsMalformedPlaceholders(String source, String message) {
        assertThatThrownBy(() -> Template.parse(source)).isInstanceOf(TemplateException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${params.registry}/flatcar-sdk-${arch}:${sdkVersionDocker} | params.registry,arch,sdkVersionDocker",
            "${steps.packages.image}                                   | steps.packages.image"})
    void listsTheNamesItUses(String source, String names) {
        assertThat(Template.parse(source).names()).containsExactly(names.split(","));
    }

    @ParameterizedTest
    @CsvSource({"vendor", "board"})
    void refusesToRenderANameWithoutValue(String name) {
        assertThatThrownBy(() -> Template.parse("x-${" + name + "}").render(VALUES))
                .isInstanceOf(TemplateException.class).hasMessageContaining("no value for '${" + name + "}'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"plain | plain", "$HOME | $HOME", "a$$b | a$$b"})
    void literalTemplatesRenderTheirTextUnchanged(String text, String expected) {
        assertThat(Template.literal(text).render(Map.of())).isEqualTo(expected);
    }
}
