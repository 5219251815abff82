package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.context.ConfigFile;
import dev.kiln.cli.context.ConfigJson;
import dev.kiln.cli.context.ContextSettings;
import dev.kiln.cli.context.KilnConfig;
import dev.kiln.cli.context.LocalStackFile;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.output.Json;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Contexts: where each service answers and which token file to send. "
        + "Stored in $KILN_CONFIG, else ~/.kiln/config; tokens themselves are never stored or printed.")
public final class ConfigCommand extends Noun {

    private final Cli cli;

    public ConfigCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "use-local", description = "Point a context at the stack ./kiln-local runs and make it current.")
    int useLocal(@Option(names = "--data-dir", paramLabel = "DIR",
                    description = "The stack's data directory (default: $KILN_DATA_DIR, else the repository's .kiln).")
            Path dataDir,
            @Option(names = "--name", defaultValue = "local", description = "Context name (default: local).")
            String name) {
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        ContextSettings settings = LocalStackFile.read(dir);
        ConfigFile file = cli.configFile();
        file.save(file.load().withContext(name, settings).using(name));
        cli.out().printf("Context '%s' points at the local stack in %s and is now current.%n",
                name, dir.toAbsolutePath().normalize());
        return ExitCodes.OK;
    }

    private Path defaultDataDir() {
        String fromEnv = cli.env().get("KILN_DATA_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        // the ./kiln launcher names the repository, whose .kiln is where ./kiln-local keeps its stack
        String repository = System.getProperty("kiln.repo.root");
        return repository != null ? Path.of(repository, ".kiln") : Path.of(".kiln");
    }

    @Command(name = "set-context", description = "Create or change a context; options left out keep their value.")
    int setContext(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--version-service", paramLabel = "URL") String versionService,
            @Option(names = "--build-runner", paramLabel = "URL") String buildRunner,
            @Option(names = "--artifact-service", paramLabel = "URL") String artifactService,
            @Option(names = "--release-service", paramLabel = "URL") String releaseService,
            @Option(names = "--token-file", paramLabel = "FILE",
                    description = "File holding the bearer token ($KILN_TOKEN overrides it).") Path tokenFile) {
        ConfigFile file = cli.configFile();
        KilnConfig config = file.load();
        ContextSettings changes = new ContextSettings(versionService, buildRunner, artifactService, releaseService,
                tokenFile == null ? null : tokenFile.toAbsolutePath().normalize().toString());
        ContextSettings current = config.contexts().getOrDefault(name,
                new ContextSettings(null, null, null, null, null));
        KilnConfig changed = config.withContext(name, current.merge(changes));
        file.save(changed.currentContext() == null ? changed.using(name) : changed);
        cli.out().printf("Context '%s' saved in %s.%n", name, file.path());
        return ExitCodes.OK;
    }

    @Command(name = "use-context", description = "Make NAME the current context.")
    int useContext(@Parameters(paramLabel = "NAME") String name) {
        ConfigFile file = cli.configFile();
        KilnConfig config = file.load();
        requireContext(config, name);
        file.save(config.using(name));
        cli.out().printf("Switched to context '%s'.%n", name);
        return ExitCodes.OK;
    }

    @Command(name = "delete-context", description = "Remove the context NAME.")
    int deleteContext(@Parameters(paramLabel = "NAME") String name) {
        ConfigFile file = cli.configFile();
        KilnConfig config = file.load();
        requireContext(config, name);
        file.save(config.withoutContext(name));
        cli.out().printf("Deleted context '%s'.%n", name);
        return ExitCodes.OK;
    }

    @Command(name = "current-context", description = "Print the name of the context in use.")
    int currentContext() {
        cli.out().println(cli.context().name());
        return ExitCodes.OK;
    }

    @Command(name = "get-contexts", description = "List the contexts; * marks the current one.")
    int getContexts(@Mixin OutputOptions output) {
        KilnConfig config = cli.configFile().load();
        String current = cli.env().getOrDefault("KILN_CONTEXT", config.currentContext());
        switch (output.format()) {
            case JSON -> cli.out().println(Json.write(ConfigJson.write(config)));
            case YAML -> Renderer.printYaml(cli.out(), ConfigJson.write(config));
            case TABLE -> {
                List<List<String>> rows = new ArrayList<>();
                config.contexts().forEach((name, c) -> rows.add(List.of(name.equals(current) ? "*" : "", name,
                        dash(c.versionService()), dash(c.buildRunner()), dash(c.artifactService()),
                        dash(c.releaseService()), dash(c.tokenFile()))));
                Table.printAligned(cli.out(), List.of("CURRENT", "NAME", "VERSION-SERVICE", "BUILD-RUNNER",
                        "ARTIFACT-SERVICE", "RELEASE-SERVICE", "TOKEN-FILE"), rows);
            }
        }
        return ExitCodes.OK;
    }

    private static void requireContext(KilnConfig config, String name) {
        if (!config.contexts().containsKey(name)) {
            throw new KilnCliException(ExitCodes.NOT_FOUND, "no context named '" + name + "' (kiln config get-contexts)");
        }
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
