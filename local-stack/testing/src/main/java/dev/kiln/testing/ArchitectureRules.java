package dev.kiln.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The house rule that keeps a service's domain pure: dependencies point inward. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Imports the production classes under {@code basePackage}. */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** {@code <base>.domain} uses no REST, Kafka, persistence, Kubernetes, S3, git or Quarkus types. */
    public static ArchRule domainIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "jakarta.persistence..", "org.apache.kafka..", "io.smallrye.reactive..",
                        "io.fabric8..", "io.minio..", "org.eclipse.jgit..", "io.quarkus..", "io.vertx..",
                        basePackage + ".api..", basePackage + ".persistence..", basePackage + ".messaging..",
                        basePackage + ".execution..", basePackage + ".client..", basePackage + ".storage..",
                        basePackage + ".git..")
                .allowEmptyShould(true)
                .because("the domain is pure Java; outer packages implement its ports");
    }

    /** Entities stay in {@code <base>.persistence}. */
    public static ArchRule entitiesStayInPersistence(String basePackage) {
        return noClasses().that().resideOutsideOfPackage(basePackage + ".persistence..")
                .and().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .allowEmptyShould(true)
                .because("entities never leave the persistence package");
    }
}
