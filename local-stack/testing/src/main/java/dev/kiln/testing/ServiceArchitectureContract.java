package dev.kiln.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The house rules every service keeps, checked on its production classes by a one-line subclass. */
public abstract class ServiceArchitectureContract {

    private final String basePackage;
    private final JavaClasses classes;

    protected ServiceArchitectureContract(String basePackage) {
        this.basePackage = basePackage;
        this.classes = ArchitectureRules.productionClasses(basePackage);
    }

    @Test
    void importsTheServicesClasses() {
        assertThat(classes).as("production classes under " + basePackage).isNotEmpty();
    }

    @Test
    void domainDependsOnNoFramework() {
        ArchitectureRules.domainIsFrameworkFree(basePackage).check(classes);
    }

    @Test
    void apiDoesNotUsePersistence() {
        ArchitectureRules.apiDoesNotUsePersistence(basePackage).check(classes);
    }

    @Test
    void entitiesStayInPersistence() {
        ArchitectureRules.entitiesStayInPersistence(basePackage).check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        ArchitectureRules.noPackageCycles(basePackage).check(classes);
    }
}
