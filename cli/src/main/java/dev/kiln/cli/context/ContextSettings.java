package dev.kiln.cli.context;

import dev.kiln.cli.http.Service;

/**
 * Where one Kiln installation answers. Only the path of the token file is stored, never the token, so the config
 * file can be shown and shared.
 */
public record ContextSettings(String versionService, String buildRunner, String artifactService, String releaseService,
        String tokenFile) {

    public String url(Service service) {
        return switch (service) {
            case VERSION_SERVICE -> versionService;
            case BUILD_RUNNER -> buildRunner;
            case ARTIFACT_SERVICE -> artifactService;
            case RELEASE_SERVICE -> releaseService;
        };
    }

    /** These settings with every non-null field of {@code changes} laid over them. */
    public ContextSettings merge(ContextSettings changes) {
        return new ContextSettings(pick(changes.versionService, versionService), pick(changes.buildRunner, buildRunner),
                pick(changes.artifactService, artifactService), pick(changes.releaseService, releaseService),
                pick(changes.tokenFile, tokenFile));
    }

    private static String pick(String changed, String current) {
        return changed != null ? changed : current;
    }
}
