package dev.kiln.cli;

import dev.kiln.cli.context.ConfigFile;
import dev.kiln.cli.context.ContextResolver;
import dev.kiln.cli.context.ResolvedContext;
import dev.kiln.cli.http.KilnApi;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * What a command may touch of the outside world: stdout and stderr, the environment, whether they are terminals,
 * the config file, the API client and the clock. Tests build one around buffers and a fake server.
 */
public final class Cli {

    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final boolean stdoutTerminal;
    private final boolean stderrTerminal;
    private Function<ResolvedContext, KilnApi> apiFactory = KilnApi::new;
    private Clock clock = Clock.systemUTC();
    private Duration pollInterval = Duration.ofSeconds(2);
    private String contextName;
    private KilnApi api;

    public Cli(OutputStream stdout, OutputStream stderr, Map<String, String> env, boolean stdoutTerminal,
            boolean stderrTerminal) {
        this.stdout = stdout;
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        this.err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        this.env = env;
        this.stdoutTerminal = stdoutTerminal;
        this.stderrTerminal = stderrTerminal;
    }

    /** The launcher says which streams are terminals; the JVM alone cannot tell stdout from stderr. */
    public static Cli fromSystem() {
        return new Cli(System.out, System.err, System.getenv(), Boolean.getBoolean("kiln.stdout.tty"),
                Boolean.getBoolean("kiln.stderr.tty"));
    }

    public PrintWriter out() {
        return out;
    }

    /** Raw stdout for bytes (cache get to stdout); flush {@link #out()} before writing here. */
    public OutputStream stdout() {
        return stdout;
    }

    public PrintWriter err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public boolean stdoutTerminal() {
        return stdoutTerminal;
    }

    public boolean stderrTerminal() {
        return stderrTerminal;
    }

    /** The terminal's height as the launcher measured it (tput lines); 0 when unknown. */
    public int terminalLines() {
        return Integer.getInteger("kiln.terminal.lines", 0);
    }

    /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
    public boolean colour() {
        return stdoutTerminal && !env.containsKey("NO_COLOR");
    }

    public ConfigFile configFile() {
        return new ConfigFile(ConfigFile.locate(env));
    }

    public ResolvedContext context() {
        return ContextResolver.resolve(configFile().load(), env, contextName);
    }

    public KilnApi api() {
        if (api == null) {
            api = apiFactory.apply(context());
        }
        return api;
    }

    public Clock clock() {
        return clock;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    void useContext(String name) {
        this.contextName = name;
    }

    public Cli withApiFactory(Function<ResolvedContext, KilnApi> factory) {
        this.apiFactory = factory;
        return this;
    }

    public Cli withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public Cli withPollInterval(Duration interval) {
        this.pollInterval = interval;
        return this;
    }
}
