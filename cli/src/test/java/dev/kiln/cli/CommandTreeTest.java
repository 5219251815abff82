package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the noun and verb being run are built in full (start-up), yet help and errors still see every verb. */
class CommandTreeTest extends AgainstFakeKiln {

    @Test
    void theVerbBeingRunIsBuiltInFullAndItsSiblingsAreStandIns() {
        Cli quiet = new Cli(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), Map.of(), false, false);

        CommandLine tree = Kiln.commandLine(quiet, "release", "gates", "4593.2.5");

        CommandLine release = tree.getSubcommands().get("release");
        assertThat(release.getSubcommands()).containsKeys("list", "show", "gates", "report", "approve", "reject",
                "withdraw", "manifest");
        assertThat(release.getSubcommands().get("gates").getCommandSpec().positionalParameters()).hasSize(1);
        assertThat(release.getSubcommands().get("report").getCommandSpec().findOption("--suite")).isNull();
        assertThat(tree.getSubcommands().get("build").getSubcommands()).isEmpty();
    }

    @Test
    void helpOfANounListsEveryVerbAndHelpOfAVerbItsOptions() {
        CliRun.Result noun = cli.run("release", "--help");
        CliRun.Result verb = cli.run("release", "report", "--help");

        assertThat(noun.exitCode()).isZero();
        assertThat(noun.out()).contains("gates").contains("manifest").contains("withdraw");
        assertThat(verb.exitCode()).isZero();
        assertThat(verb.out()).contains("--suite").contains("--details-url").contains("--report-id");
    }

    @Test
    void anUnknownVerbIsAUsageErrorWithSuggestions() {
        CliRun.Result result = cli.run("release", "gate", "4593.2.5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("gate").contains("gates");
        assertThat(kiln.requests).isEmpty();
    }

    @Test
    void theRootOptionBeforeTheNounDoesNotHideTheVerb() {
        kiln.json("GET", "/api/v1/releases/4790.0.1", 200, ReleaseDocuments.RELEASE_ALPHA);

        assertThat(cli.run("--context", "test", "release", "show", "4790.0.1").exitCode()).isZero();
    }
}
