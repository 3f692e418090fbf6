/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import org.openmrs.annotation.Authorized;
import org.openmrs.api.OpenmrsService;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;

/**
 * The module's services as one OpenMRS service: {@code Context.getService(PatientRecordingsService.class)}.
 *
 * <p>OpenMRS checks here only that someone is authenticated. The SAF-3 privileges are checked inside each
 * operation, by the module's own rules, because SAF-3 wants every refusal audited and a refusal by OpenMRS'
 * {@code @Authorized} advice would not be.
 */
public interface PatientRecordingsService extends OpenmrsService {

    @Authorized
    RecordingService recordings();

    @Authorized
    ConsentService consents();

    @Authorized
    RegisterService registers();

    @Authorized
    SitePolicyService sitePolicies();

    @Authorized
    DisposalService disposal();

    @Authorized
    DisclosureService disclosure();
}
