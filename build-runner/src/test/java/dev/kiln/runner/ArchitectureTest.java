package dev.kiln.runner;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.kiln.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("dev.kiln.runner");

    @Test
    void domainDependsOnNoFramework() {
        ArchitectureRules.domainIsFrameworkFree("dev.kiln.runner").check(classes);
    }

    @Test
    void entitiesStayInPersistence() {
        ArchitectureRules.entitiesStayInPersistence("dev.kiln.runner").check(classes);
    }
}
