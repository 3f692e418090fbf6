/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The content store depends on the JDK, Tink, our own port and nothing of the host; only the S3 backend touches the
 * (optional) AWS SDK, so a host without it can use everything else.
 */
class StorageDependencyRulesTest {

    private static final JavaClasses STORAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openmrs.module.patientrecordings.storage");

    @Test
    void dependsOnlyOnTheJdkTinkTheAwsSdkAndOurOwnPort() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "com.google.crypto.tink..",
                        "software.amazon.awssdk..",
                        "org.openmrs.module.patientrecordings.port..",
                        "org.openmrs.module.patientrecordings.storage..")
                .check(STORAGE);
    }

    @Test
    void touchesTheOptionalAwsSdkOnlyInTheS3Backend() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.openmrs.module.patientrecordings.storage.s3..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon.awssdk..")
                .check(STORAGE);
    }
}
