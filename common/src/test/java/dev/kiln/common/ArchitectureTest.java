package dev.kiln.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.kiln.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** What every service shares knows no service; the parts a domain may use are plain Java. */
class ArchitectureTest {

    private static final JavaClasses COMMON = ArchitectureRules.productionClasses("dev.kiln.common");

    @Test
    void knowsNoService() {
        noClasses().that().resideInAPackage("dev.kiln.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kiln.version..", "dev.kiln.runner..",
                        "dev.kiln.artifact..", "dev.kiln.release..", "dev.kiln.clients..")
                .allowEmptyShould(false)
                .check(COMMON);
    }

    @Test
    void theDomainErrorAndTheRetryPolicyArePlainJava() {
        ArchitectureRules.usesOnlyTheJdk("dev.kiln.common.error").check(COMMON);
        ArchitectureRules.usesOnlyTheJdk("dev.kiln.common.retry").check(COMMON);
    }

    @Test
    void packagesFormNoCycle() {
        ArchitectureRules.noPackageCycles("dev.kiln.common").check(COMMON);
    }
}
