package dev.kiln.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The house rules that keep a service's domain pure and its layers in order. Every rule fails on an empty
 * import, so a renamed package cannot make a rule pass by matching nothing.
 */
public final class ArchitectureRules {

    /** Frameworks a domain package may not touch: REST, persistence, messaging, Kubernetes, S3, git, CDI, JTA, logging, MicroProfile. */
    public static final List<String> FRAMEWORKS = List.of(
            "jakarta.ws.rs..", "jakarta.persistence..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
            "javax.transaction..", "jakarta.annotation..", "jakarta.validation..", "org.jboss.logging..", "org.slf4j..",
            "org.apache.logging..", "org.apache.commons.logging..", "io.quarkus..", "io.smallrye..", "io.vertx..",
            "org.eclipse.microprofile..", "io.micrometer..", "io.opentelemetry..", "org.hibernate..", "org.apache.kafka..",
            "io.fabric8..", "io.minio..", "okhttp3..", "org.eclipse.jgit..", "com.fasterxml.jackson..");

    /** A service's outer packages, which the domain may not know. */
    public static final List<String> OUTER_PACKAGES = List.of("api", "persistence", "messaging", "execution", "client",
            "storage", "git", "config", "service", "jobs");

    private ArchitectureRules() {
    }

    /** Imports the production classes under {@code basePackage}. */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** {@code <base>.domain} uses no framework type and none of the service's outer packages. */
    public static ArchRule domainIsFrameworkFree(String basePackage) {
        List<String> forbidden = new ArrayList<>(FRAMEWORKS);
        OUTER_PACKAGES.forEach(p -> forbidden.add(basePackage + "." + p + ".."));
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .allowEmptyShould(false)
                .because("the domain is pure Java; outer packages implement its ports and carry its decisions out");
    }

    /** The REST layer goes through application services, never straight to persistence. */
    public static ArchRule apiDoesNotUsePersistence(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".api..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".persistence..")
                .allowEmptyShould(false)
                .because("resources call application services; only those know how state is stored");
    }

    /** Entities stay in {@code <base>.persistence}. */
    public static ArchRule entitiesStayInPersistence(String basePackage) {
        return noClasses().that().resideOutsideOfPackage(basePackage + ".persistence..")
                .and().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .allowEmptyShould(false)
                .because("entities never leave the persistence package");
    }

    /** The top-level packages under {@code basePackage} form no cycle. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(false)
                .because("a cycle between packages makes them one package in two places");
    }

    /** Classes under {@code basePackage} use only the JDK (and the packages listed), for plain-Java libraries. */
    public static ArchRule usesOnlyTheJdk(String basePackage, String... alsoAllowed) {
        List<String> allowed = new ArrayList<>(List.of("java..", basePackage + ".."));
        allowed.addAll(List.of(alsoAllowed));
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(basePackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .allowEmptyShould(false)
                .because("this library is plain Java that every service and the domain may use");
    }
}
