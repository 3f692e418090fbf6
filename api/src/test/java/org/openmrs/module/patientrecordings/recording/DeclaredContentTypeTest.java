/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Contents.contentOf;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** The content type a client declares when it starts a recording: kept, and content must then be of that type. */
@DisplayName("The content type declared at the start")
class DeclaredContentTypeTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("is kept on the recording before any content arrives, and stays once it has")
    void theDeclaredTypeIsKept() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        Recording started = clinic.as(doctor).start(clinic.aConsultationOf(ann).declaringContentType("video/webm"));

        Recording withContent = clinic.recordings().attachContent(started.id(), contentOf("minutes"));

        assertThat(started.declaredContentType()).isEqualTo("video/webm");
        assertThat(clinic.stored(started.id()).declaredContentType()).isEqualTo("video/webm");
        assertThat(withContent.content().contentType()).isEqualTo("video/webm");
        assertThat(withContent.declaredContentType()).isEqualTo("video/webm");
    }

    @Test
    @DisplayName("SAF-4: content of another type than the one declared is refused and not attached")
    void contentContradictingTheDeclaredTypeIsRefused() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        Recording started = clinic.as(doctor).start(clinic.aConsultationOf(ann).declaringContentType("video/mp4"));

        assertThat(refusalCodes(() -> clinic.recordings().attachContent(started.id(), contentOf("minutes"))))
                .containsExactly(ErrorCode.SAF_4);
        assertThat(clinic.stored(started.id()).content()).isNull();
    }

    @Test
    @DisplayName("SAF-4: a declared type of another kind of media than the recording's is refused at the start")
    void aDeclaredTypeOfAnotherMediaIsRefused() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).declaringContentType("audio/ogg"))))
                .containsExactly(ErrorCode.SAF_4);
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }
}
