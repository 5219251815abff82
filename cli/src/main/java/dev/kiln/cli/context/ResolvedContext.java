package dev.kiln.cli.context;

import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Service;
import java.util.Optional;

/** The context a command talks to, with its token read. {@link #toString()} leaves the token out on purpose. */
public final class ResolvedContext {

    private final String name;
    private final ContextSettings settings;
    private final String token;

    public ResolvedContext(String name, ContextSettings settings, String token) {
        this.name = name;
        this.settings = settings;
        this.token = token;
    }

    public String name() {
        return name;
    }

    public String baseUrl(Service service) {
        String url = settings.url(service);
        if (url == null || url.isBlank()) {
            throw new KilnCliException(ExitCodes.USAGE, "context '" + name + "' has no " + service.id()
                    + " URL (kiln config set-context " + name + " --" + service.id() + " URL)");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "context " + name + (token == null ? " (no token)" : " (token set)");
    }
}
