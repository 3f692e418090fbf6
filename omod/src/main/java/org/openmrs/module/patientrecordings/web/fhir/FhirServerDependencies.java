/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.Objects;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterService;

/**
 * What the FHIR server is built from: the services it calls and the stores it streams or renders from.
 *
 * @param recordings start, upload, stop, complete, void, use and search recordings
 * @param consents consent decisions and reads
 * @param registers legal holds (REC-5)
 * @param disclosures disclosure packages (REC-6) and subject access (REC-7)
 * @param registerEntries read-only: the legal holds and covert authorisations a Media shows (no privilege check:
 *     they are shown only on a recording the user was already allowed to read)
 * @param audit the audit trail, searched for AuditEvent reads (VIEW_AUDIT is checked through {@code guard})
 * @param guard the service boundary's privilege check and audit
 * @param content the encrypted content store
 */
public record FhirServerDependencies(
        RecordingService recordings,
        ConsentService consents,
        RegisterService registers,
        DisclosureService disclosures,
        RegisterRepository registerEntries,
        AuditLog audit,
        AccessGuard guard,
        ContentStore content) {

    public FhirServerDependencies {
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(registers, "registers");
        Objects.requireNonNull(disclosures, "disclosures");
        Objects.requireNonNull(registerEntries, "registerEntries");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(content, "content");
    }
}
