package dev.kiln.version;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.kiln.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("dev.kiln.version");

    @Test
    void domainDependsOnNoFramework() {
        ArchitectureRules.domainIsFrameworkFree("dev.kiln.version").check(classes);
    }

    @Test
    void entitiesStayInPersistence() {
        ArchitectureRules.entitiesStayInPersistence("dev.kiln.version").check(classes);
    }
}
