/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditChainHead;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

class AuditEventTranslatorTest {

    private final AuditEventTranslator translator = new AuditEventTranslator("example.org");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "VIEW, https://fhir.openmrs.org/patientrecordings/StructureDefinition/recording-audit-read, R",
        "PLAY, https://fhir.openmrs.org/patientrecordings/StructureDefinition/recording-audit-read, R",
        "SEARCH, https://fhir.openmrs.org/patientrecordings/StructureDefinition/recording-audit-query, E",
        "CREATE, https://fhir.openmrs.org/patientrecordings/StructureDefinition/recording-audit-create, C",
        "DISCLOSE, https://fhir.openmrs.org/patientrecordings/StructureDefinition/recording-audit-disclosure, R",
        "VOID, , U"
    })
    void everyAccessBecomesAValidBalpShapedAuditEvent(AuditAction action, String profile, String crude) {
        AuditEvent event = translator.toFhir(stored(action));

        assertThat(event.getAction().toCode()).isEqualTo(crude);
        assertThat(event.getMeta().getProfile())
                .extracting(p -> p.getValue())
                .containsExactlyElementsOf(profile == null ? java.util.List.of() : java.util.List.of(profile));
        assertThat(event.getIdPart()).isEqualTo("1");
        var errors = ProfileValidator.errors(event);
        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
    }

    private static StoredAuditEntry stored(AuditAction action) {
        AuditEntry entry = AuditEntry.success(
                        UserId.of("clinician"),
                        Instant.parse("2026-03-03T14:02:11Z"),
                        PatientId.of("example"),
                        RecordingId.of("consultation-recording"),
                        action,
                        action == AuditAction.DISCLOSE ? Purpose.LEGAL : Purpose.DIRECT_CARE)
                .withDetail(action == AuditAction.SEARCH ? "Media?patient=Patient/example" : "");
        return AuditChainHead.GENESIS.link(entry);
    }
}
