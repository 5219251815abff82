package dev.kiln.version.config;

import dev.kiln.version.domain.AllocationCheckpoints;
import dev.kiln.version.domain.AllocationLock;
import dev.kiln.version.domain.AllocationStore;
import dev.kiln.version.domain.Allocations;
import dev.kiln.version.domain.PolicySettings;
import dev.kiln.version.domain.ScriptsRepository;
import dev.kiln.version.domain.VersionPolicy;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the framework-free domain objects from configuration and the adapters that implement its ports. */
@ApplicationScoped
public class DomainBeans {

    @Produces
    @Singleton
    VersionPolicy versionPolicy(VersionConfig config) {
        return new VersionPolicy(new PolicySettings(config.mainBranch(), config.releaseBranchPrefix(), config.epoch()));
    }

    @Produces
    @Singleton
    Allocations allocations(VersionPolicy policy, ScriptsRepository repository, AllocationStore store, AllocationLock lock,
            AllocationCheckpoints checkpoints, Clock clock, VersionConfig config) {
        return new Allocations(policy, repository, store, lock, checkpoints, clock, config.pushAttempts());
    }

    /** Production has no checkpoints; tests replace this bean to inject crashes and competing pushes. */
    @Produces
    @DefaultBean
    @Singleton
    AllocationCheckpoints noCheckpoints() {
        return new AllocationCheckpoints() {
        };
    }
}
