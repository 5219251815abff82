package dev.kiln.runner.client;

import dev.kiln.clients.ServiceCallException;
import dev.kiln.clients.artifact.ArtifactServiceClient;
import dev.kiln.runner.domain.port.StepTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** {@link StepTokenIssuer} over artifact-service's {@code /api/v1/step-tokens}, called with the runner's service token. */
@ApplicationScoped
public class ArtifactServiceStepTokens implements StepTokenIssuer {

    private final ArtifactServiceClient artifacts;

    public ArtifactServiceStepTokens(ArtifactServiceClient artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public String issue(String buildId, List<String> prefixes, Instant expiresAt) {
        try {
            return artifacts.issueStepToken(buildId, prefixes, expiresAt).token();
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    @Override
    public void revoke(String buildId) {
        try {
            artifacts.revokeStepTokens(buildId);
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }

    @Override
    public List<String> buildsWithLiveTokens() {
        try {
            return artifacts.buildsWithLiveStepTokens();
        } catch (ServiceCallException e) {
            throw PortFailures.of(e);
        }
    }
}
