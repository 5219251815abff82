package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a shell completion script.",
        "bash: source <(kiln completion bash)",
        "zsh:  source <(kiln completion zsh)   (the script loads bashcompinit itself)"})
public final class CompletionCommand implements java.util.concurrent.Callable<Integer> {

    enum Shell { bash, zsh }

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    public CompletionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        // picocli's script serves both shells: under zsh it turns on bashcompinit before registering
        cli.out().print(AutoComplete.bash("kiln", spec.root().commandLine()));
        return ExitCodes.OK;
    }
}
