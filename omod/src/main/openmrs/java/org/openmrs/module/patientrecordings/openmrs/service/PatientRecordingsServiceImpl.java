/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.util.Objects;
import org.openmrs.api.impl.BaseOpenmrsService;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;

/** Hands out the module's services, built by {@link PatientRecordingsConfiguration}. */
public class PatientRecordingsServiceImpl extends BaseOpenmrsService implements PatientRecordingsService {

    private final RecordingService recordings;
    private final ConsentService consents;
    private final RegisterService registers;
    private final SitePolicyService sitePolicies;
    private final DisposalService disposal;
    private final DisclosureService disclosure;

    public PatientRecordingsServiceImpl(
            RecordingService recordings,
            ConsentService consents,
            RegisterService registers,
            SitePolicyService sitePolicies,
            DisposalService disposal,
            DisclosureService disclosure) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.sitePolicies = Objects.requireNonNull(sitePolicies, "sitePolicies");
        this.disposal = Objects.requireNonNull(disposal, "disposal");
        this.disclosure = Objects.requireNonNull(disclosure, "disclosure");
    }

    @Override
    public RecordingService recordings() {
        return recordings;
    }

    @Override
    public ConsentService consents() {
        return consents;
    }

    @Override
    public RegisterService registers() {
        return registers;
    }

    @Override
    public SitePolicyService sitePolicies() {
        return sitePolicies;
    }

    @Override
    public DisposalService disposal() {
        return disposal;
    }

    @Override
    public DisclosureService disclosure() {
        return disclosure;
    }
}
