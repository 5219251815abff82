package dev.kiln.cli.context;

import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the context a command uses: {@code --context}, else {@code $KILN_CONTEXT}, else the config's current one;
 * the token is {@code $KILN_TOKEN} if set, else the context's token file.
 */
public final class ContextResolver {

    private ContextResolver() {
    }

    public static ResolvedContext resolve(KilnConfig config, Map<String, String> env, String explicitName) {
        String name = firstSet(explicitName, env.get("KILN_CONTEXT"), config.currentContext());
        if (name == null) {
            throw new KilnCliException(ExitCodes.USAGE,
                    "no context chosen: run 'kiln config use-local' or 'kiln config set-context NAME ...'");
        }
        ContextSettings settings = config.contexts().get(name);
        if (settings == null) {
            throw new KilnCliException(ExitCodes.USAGE, "no context named '" + name + "' (kiln config get-contexts)");
        }
        return new ResolvedContext(name, settings, token(env, settings));
    }

    private static String token(Map<String, String> env, ContextSettings settings) {
        String fromEnv = env.get("KILN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        if (settings.tokenFile() == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(settings.tokenFile())).trim();
        } catch (IOException e) {
            // the path is safe to show; the token is not
            throw new KilnCliException(ExitCodes.DENIED, "cannot read token file " + settings.tokenFile() + ": " + e);
        }
    }

    private static String firstSet(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
