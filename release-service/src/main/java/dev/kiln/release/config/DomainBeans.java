package dev.kiln.release.config;

import dev.kiln.release.domain.gate.GatePolicies;
import dev.kiln.release.domain.promotion.PromotionRules;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the framework-free domain objects from configuration. */
@ApplicationScoped
public class DomainBeans {

    private static final Logger LOG = Logger.getLogger(DomainBeans.class);

    @Produces
    @Singleton
    GatePolicies gatePolicies(ReleaseConfig config) {
        return PolicyFile.load(config.policy());
    }

    @Produces
    @Singleton
    PromotionRules promotionRules(GatePolicies policies) {
        return new PromotionRules(policies.all());
    }

    /** Reads the policy at start-up, so that a bad file stops the service with its message instead of failing requests. */
    void validatePolicyAtStartup(@Observes StartupEvent started, GatePolicies policies, ReleaseConfig config) {
        LOG.infof("gate policy from %s: %s", config.policy().map(Object::toString).orElse("the bundled default"),
                policies.all().stream().map(p -> p.channel().id() + " " + p.suites().size() + " suite(s), "
                        + p.requiredApprovals() + " approval(s), soak " + p.minimumSoak()).toList());
    }
}
