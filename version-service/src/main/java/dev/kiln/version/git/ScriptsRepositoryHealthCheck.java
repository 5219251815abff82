package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the last fetch or push of the scripts repository succeeded; the first fetch (and repack) starts at boot. */
@Readiness
@ApplicationScoped
public class ScriptsRepositoryHealthCheck implements HealthCheck {

    private final JGitScriptsRepository repository;
    private final String remote;

    public ScriptsRepositoryHealthCheck(JGitScriptsRepository repository, VersionConfig config) {
        this.repository = repository;
        this.remote = config.scriptsRepoUrl().replaceFirst("//[^/@]*@", "//");
    }

    void warmUp(@Observes StartupEvent started) {
        CompletableFuture.runAsync(() -> {
            try {
                repository.refresh();
                repository.maintain();
            } catch (RuntimeException e) {
                // logged by the repository; readiness reports it
            }
        });
    }

    @Override
    public HealthCheckResponse call() {
        String error = repository.lastError();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scripts-repository").status(error == null)
                .withData("remote", remote)
                .withData("lastFetch", repository.lastFetch() == null ? "never" : repository.lastFetch().toString());
        return error == null ? response.build() : response.withData("error", error).build();
    }
}
