package dev.kiln.artifact;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.kiln.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("dev.kiln.artifact");

    @Test
    void domainDependsOnNoFramework() {
        ArchitectureRules.domainIsFrameworkFree("dev.kiln.artifact").check(classes);
    }

    @Test
    void entitiesStayInPersistence() {
        ArchitectureRules.entitiesStayInPersistence("dev.kiln.artifact").check(classes);
    }
}
