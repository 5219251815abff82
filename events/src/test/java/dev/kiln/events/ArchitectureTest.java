package dev.kiln.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The event contract is plain Java and Jackson; only its Kafka reader knows Kafka; no service's code. */
class ArchitectureTest {

    private static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.kiln.events");

    @Test
    void theContractUsesOnlyTheJdkAndJackson() {
        classes().that().resideInAPackage("dev.kiln.events")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.kiln.events", "com.fasterxml.jackson..")
                .allowEmptyShould(false)
                .check(EVENTS);
    }

    @Test
    void onlyTheKafkaReaderKnowsKafka() {
        classes().that().resideInAPackage("dev.kiln.events.kafka..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.kiln.events..", "com.fasterxml.jackson..",
                        "org.apache.kafka..")
                .allowEmptyShould(false)
                .check(EVENTS);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.kiln.events.(**)").should().beFreeOfCycles().allowEmptyShould(false).check(EVENTS);
    }
}
