package dev.kiln.flatcar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The vocabulary is plain Java: every service's domain may use it. */
class ArchitectureTest {

    @Test
    void usesOnlyTheJdk() {
        classes().that().resideInAPackage("dev.kiln.flatcar..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.kiln.flatcar..")
                .allowEmptyShould(false)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.kiln.flatcar"));
    }
}
