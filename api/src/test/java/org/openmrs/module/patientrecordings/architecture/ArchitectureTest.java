/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Guards the package rules of ARCHITECTURE.md. */
@AnalyzeClasses(
        packages = "org.openmrs.module.patientrecordings",
        importOptions = {ImportOption.DoNotIncludeTests.class})
class ArchitectureTest {

    private static final String ROOT = "org.openmrs.module.patientrecordings";

    @ArchTest
    static final ArchRule theDomainVocabularyNeedsOnlyTheJdk = classes()
            .that()
            .resideInAPackage(ROOT + ".domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..");

    @ArchTest
    static final ArchRule theRulesEngineImportsOnlyTheJdkAndOurValueTypes = classes()
            .that()
            .resideInAPackage(ROOT + ".policy..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".domain..", ROOT + ".policy..", ROOT + ".retention..");

    @ArchTest
    static final ArchRule retentionIsPureJava = classes()
            .that()
            .resideInAPackage(ROOT + ".retention..")
            .and()
            .doNotHaveSimpleName("RetentionService")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", ROOT + ".retention..");

    @ArchTest
    static final ArchRule onlyTheFhirPackageImportsHapi = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".fhir..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ca.uhn..", "org.hl7..");

    @ArchTest
    static final ArchRule theCoreHasNoServletAndNoOpenmrsImports = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "org.openmrs.api..", "org.openmrs.util..")
            .orShould()
            .dependOnClassesThat()
            .haveNameMatching("org\\.openmrs\\.(?!module\\.patientrecordings\\.).*");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule mainCodeDoesNotPrintToStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
