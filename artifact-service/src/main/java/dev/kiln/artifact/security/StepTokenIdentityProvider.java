package dev.kiln.artifact.security;

import dev.kiln.artifact.domain.token.StepGrant;
import dev.kiln.artifact.domain.token.StepTokens;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a step token ({@code kiln-step.…}) into a caller named {@code step:<build>} with the single role
 * {@value StepScope#ROLE} and its grant as an attribute, even when revoked or expired, so that a write with it is
 * refused with a precise 403 rather than a bare 401. Any other bearer token is left to the static callers (it
 * answers nothing, and Quarkus asks the next provider). Runs before them.
 */
@ApplicationScoped
public class StepTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(StepTokenIdentityProvider.class);

    private final StepTokens tokens;

    public StepTokenIdentityProvider(StepTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the static callers, whose provider has the default priority (1001) and fails on unknown tokens. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (!StepTokens.looksLikeStepToken(token)) {
            return Uni.createFrom().nullItem();
        }
        // the lookup is a database query: off the event loop
        return context.runBlocking(() -> tokens.resolve(token).map(grant -> identity(grant, request)).orElse(null))
                .onFailure().invoke(e -> LOG.warnf(e, "cannot look up a step token: %s", e.getMessage()));
    }

    private static SecurityIdentity identity(StepGrant grant, TokenAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("step:" + grant.buildId()))
                .addRole(StepScope.ROLE)
                .addAttribute(StepScope.GRANT_ATTRIBUTE, grant)
                .addCredential(request.getToken())
                .build();
    }

    static Optional<StepGrant> grantOf(SecurityIdentity identity) {
        return Optional.ofNullable(identity.getAttribute(StepScope.GRANT_ATTRIBUTE));
    }
}
