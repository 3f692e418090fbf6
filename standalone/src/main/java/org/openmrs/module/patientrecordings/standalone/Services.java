/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.time.Clock;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.standalone.security.RequestCurrentUser;
import org.openmrs.module.patientrecordings.standalone.security.UserAccounts;

/**
 * Everything the web layer (the FHIR server) is built with: the module's services, the host data, the users and
 * the content backend, all wired by {@link StandaloneApplication}.
 *
 * @param recordings the recording workflow
 * @param consents consent decisions
 * @param registers objections, covert authorisations, legal holds
 * @param sitePolicies site recording policies
 * @param disposal disposal and the retention sweep
 * @param disclosure disclosure packages and subject access
 * @param retention retention assignment and recomputation
 * @param audit the access audit log
 * @param host patients, sites, encounters and notes of the standalone server
 * @param users the standalone server's users
 * @param currentUser the actor bound to the request thread
 * @param content where content bytes live
 * @param clock the time
 */
public record Services(
        RecordingService recordings,
        ConsentService consents,
        RegisterService registers,
        SitePolicyService sitePolicies,
        DisposalService disposal,
        DisclosureService disclosure,
        RecordingRetention retention,
        AuditLog audit,
        HostDirectory host,
        UserAccounts users,
        RequestCurrentUser currentUser,
        ContentBackend content,
        Clock clock) {

    public Services {
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(registers, "registers");
        Objects.requireNonNull(sitePolicies, "sitePolicies");
        Objects.requireNonNull(disposal, "disposal");
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(currentUser, "currentUser");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(clock, "clock");
    }
}
