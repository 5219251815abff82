package dev.kiln.clients;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.kiln.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The clients carry the services' contracts, never their code. */
class ArchitectureTest {

    private static final JavaClasses CLIENTS = ArchitectureRules.productionClasses("dev.kiln.clients");

    @Test
    void knowsNoServicesCode() {
        noClasses().that().resideInAPackage("dev.kiln.clients..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kiln.version..", "dev.kiln.runner..",
                        "dev.kiln.artifact..", "dev.kiln.release..")
                .allowEmptyShould(false)
                .check(CLIENTS);
    }

    @Test
    void packagesFormNoCycle() {
        ArchitectureRules.noPackageCycles("dev.kiln.clients").check(CLIENTS);
    }
}
