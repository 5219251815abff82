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
     * The command tree for these arguments. Picocli reflects over every command it is given (annotation proxies,
     * method parameters, mixins), which is most of a command's start-up; so only the noun being run is built, and of
     * it only the verb being run when there is one (other nouns and verbs are stand-ins with their name and
     * description, which is all help and picocli's suggestions show of them). Completion builds everything.
     */
    public static CommandLine commandLine(Cli cli, String... args) {
        String noun = NounStandIns.nounIn(args);
        String verb = NounStandIns.verbIn(args);
        boolean everything = "completion".equals(noun);
        CliFactory factory = new CliFactory(cli);
        CommandLine commandLine = new CommandLine(Kiln.class, factory);
        for (Class<?> type : NOUNS) {
            String name = type.getAnnotation(Command.class).name();
            commandLine.addSubcommand(name, everything || name.equals(noun) ? noun(type, everything ? null : verb, factory)
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

    /** The noun in full, or, for a verb that it has, with only that verb in full (and not for help on the noun). */
    private static CommandLine noun(Class<?> type, String verb, CliFactory factory) {
        try {
            CommandLine oneVerb = verb == null ? null : NounStandIns.withOneVerb(type, verb, factory);
            return oneVerb != null ? oneVerb : new CommandLine(type, factory);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the command " + type.getSimpleName(), e);
        }
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
