package dev.kiln.release;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.kiln.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("dev.kiln.release");

    @Test
    void domainDependsOnNoFramework() {
        ArchitectureRules.domainIsFrameworkFree("dev.kiln.release").check(classes);
    }

    @Test
    void entitiesStayInPersistence() {
        ArchitectureRules.entitiesStayInPersistence("dev.kiln.release").check(classes);
    }
}
