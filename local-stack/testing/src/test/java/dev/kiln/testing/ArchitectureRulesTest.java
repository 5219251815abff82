package dev.kiln.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The house rules catch what they exist for: they pass on a clean layout and fail when a framework creeps back in. */
class ArchitectureRulesTest {

    private static final String PURE = "dev.kiln.testing.fixture.pure";
    private static final String IMPURE = "dev.kiln.testing.fixture.impure";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("dev.kiln.testing.fixture");

    @Test
    void aPureDomainPasses() {
        assertThatCode(() -> ArchitectureRules.domainIsFrameworkFree(PURE).check(FIXTURES)).doesNotThrowAnyException();
    }

    @Test
    void aCdiScopeOrALoggerInTheDomainFails() {
        assertThatThrownBy(() -> ArchitectureRules.domainIsFrameworkFree(IMPURE).check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jakarta.enterprise.context.ApplicationScoped")
                .hasMessageContaining("org.jboss.logging.Logger");
    }

    @Test
    void anApiThatReadsPersistenceFails() {
        assertThatCode(() -> ArchitectureRules.apiDoesNotUsePersistence(PURE).check(FIXTURES)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.apiDoesNotUsePersistence(IMPURE).check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GateEntity");
    }

    @Test
    void aRuleThatMatchesNoClassFails() {
        assertThatThrownBy(() -> ArchitectureRules.domainIsFrameworkFree("dev.kiln.testing.fixture.renamed").check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void aPlainJavaLibraryMayUseOnlyTheJdk() {
        assertThatCode(() -> ArchitectureRules.usesOnlyTheJdk(PURE).check(FIXTURES)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.usesOnlyTheJdk(IMPURE).check(FIXTURES)).isInstanceOf(AssertionError.class);
    }
}
