package dev.kiln.cli;

import dev.kiln.cli.command.BuildCommand;
import dev.kiln.cli.command.CacheCommand;
import dev.kiln.cli.command.ChannelCommand;
import dev.kiln.cli.command.CompletionCommand;
import dev.kiln.cli.command.ConfigCommand;
import dev.kiln.cli.command.GcCommand;
import dev.kiln.cli.command.LogsCommand;
import dev.kiln.cli.command.PromoteCommand;
import dev.kiln.cli.command.PromotionCommand;
import dev.kiln.cli.command.ReleaseCommand;
import dev.kiln.cli.command.VersionCommand;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

// scope INHERIT: every noun and verb gets -h/--help (and the footer) without repeating it
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0", scope = ScopeType.INHERIT,
        description = "Builds, logs, versions, the build cache, garbage collection, releases, promotions and channels "
                + "of a Kiln installation.",
        footer = {"", "Exit codes: 0 ok, 1 operation failed, 2 usage, 3 not found,",
                "4 conflict or illegal request, 5 unauthenticated or forbidden, 6 server unreachable.",
                "Contexts: kiln config --help. Output: -o table|json|yaml on every read."})
public final class Kiln implements Callable<Integer> {

    /** The nouns, in the order --help lists them. */
    static final List<Class<?>> NOUNS = List.of(ConfigCommand.class, BuildCommand.class, LogsCommand.class,
            VersionCommand.class, CacheCommand.class, GcCommand.class, ReleaseCommand.class, PromoteCommand.class,
            PromotionCommand.class, ChannelCommand.class, CompletionCommand.class);

    private final Cli cli;

    public Kiln(Cli cli) {
        this.cli = cli;
    }

    @Option(names = "--context", paramLabel = "NAME",
            description = "Context to use (overrides $KILN_CONTEXT and the current context).")
    void context(String name) {
        cli.useContext(name);
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(cli.err());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(Cli.fromSystem(), args));
    }

    /** The whole command tree, as completion scripts and tests need it. */
    public static CommandLine commandLine(Cli cli) {
        return commandLine(cli, "completion");
    }

    /**
     * The command tree for these arguments. Picocli reflects over every command it is given, which costs most of a
     * second on a busy machine; so only the noun being run is built in full, the others are stand-ins with their
     * name and description, which is all {@code kiln --help} and picocli's suggestions show of them.
     */
    public static CommandLine commandLine(Cli cli, String... args) {
        String noun = NounStandIns.nounIn(args);
        CommandLine commandLine = new CommandLine(Kiln.class, new CliFactory(cli));
        for (Class<?> type : NOUNS) {
            String name = type.getAnnotation(Command.class).name();
            boolean full = name.equals(noun) || "completion".equals(noun);
            commandLine.addSubcommand(name, full ? new CommandLine(type, new CliFactory(cli))
                    : new CommandLine(NounStandIns.standIn(type)));
        }
        commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(cli.out())
                .setErr(cli.err())
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    cli.out().flush();
                    if (e instanceof KilnCliException failure) {
                        cli.err().println("kiln: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    cli.err().println("kiln: " + e);
                    return ExitCodes.FAILED;
                });
        commandLine.getCommandSpec().usageMessage().sortOptions(false);
        return commandLine;
    }

    /** Runs one command line and returns its exit code; never exits the JVM, so tests can call it. */
    public static int run(Cli cli, String... args) {
        try {
            return commandLine(cli, args).execute(args);
        } finally {
            cli.out().flush();
            cli.err().flush();
        }
    }
}
