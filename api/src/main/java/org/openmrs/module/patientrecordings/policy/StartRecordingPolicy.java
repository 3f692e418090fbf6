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

    private static final RuleSet<SharedCopyRequest> SHARED_COPY = RuleSet.of(
            shared -> START.decide(shared.recording()).reasons(), PatientRecordingRules::sharedCopyProvenance);

    private StartRecordingPolicy() {}

    public static Decision decide(StartRecordingRequest request) {
        return START.decide(request);
    }

    public static Decision decide(SharedCopyRequest request) {
        return SHARED_COPY.decide(request);
    }
}
