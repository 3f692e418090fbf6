/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.Privilege;

/** Decides whether a recording may start, and whether a patient's shared copy may join the record. */
public final class StartRecordingPolicy {

    private static final RuleSet<StartRecordingRequest> START = RuleSet.of(
            Privileges.require(Privilege.CREATE_RECORDINGS, StartRecordingRequest::actor),
            PatientRecordingRules::knownPatientAndPurpose,
            PatientRecordingRules::patientRecordingsServeOwnUseOrCare,
            RecordingConsentRules::activeConsentCoversKindAndEveryPurpose,
            RecordingConsentRules::refusedPurposesCannotBeRecorded,
            RecordingConsentRules::implicitConsentCoversOnlyMaking,
            RecordingConsentRules::noRecordingAgainstStandingObjection,
            RecordingConsentRules::defensivePurposeNeedsStatedReason,
            CovertRecordingRules::covertRecordingNeedsAuthorisation,
            CovertRecordingRules::covertRecordingNeedsPrivilege,
            StaffRules::objectingStaffCannotBeRecorded,
            TelephoneRules::siteWideRoutineOnly,
            TelephoneRules::callersMustBeTold,
            TelephoneRules::explicitNoticeForClinicalCalls,
            TelephoneRules::onlyDeclaredPurposes,
            SiteRules::sitePolicyAllowsRecording,
            SiteRules::noFilmingAreas);

    /** For a patient the host does not know: the privilege and the input alone, nothing that judges the patient. */
    private static final RuleSet<StartRecordingRequest> UNKNOWN_PATIENT = RuleSet.of(
            Privileges.require(Privilege.CREATE_RECORDINGS, StartRecordingRequest::actor),
            PatientRecordingRules::knownPatientAndPurpose);

    private static final RuleSet<SharedCopyRequest> SHARED_COPY =
            RuleSet.of(shared -> decide(shared.recording()).reasons(), PatientRecordingRules::sharedCopyProvenance);

    private StartRecordingPolicy() {}

    /**
     * Every rule at once; for an unknown patient only the unknown reference (SAF-4), since an unknown patient has no
     * consents, objections or policies whose refusals would mean anything (CON-1 would only repeat it).
     */
    public static Decision decide(StartRecordingRequest request) {
        return request.patient().known() ? START.decide(request) : UNKNOWN_PATIENT.decide(request);
    }

    public static Decision decide(SharedCopyRequest request) {
        return SHARED_COPY.decide(request);
    }
}
