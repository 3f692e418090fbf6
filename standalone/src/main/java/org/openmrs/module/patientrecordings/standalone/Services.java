/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.time.Clock;
import java.util.Objects;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.standalone.security.RequestCurrentUser;
import org.openmrs.module.patientrecordings.standalone.security.UserAccounts;
import org.openmrs.module.patientrecordings.web.fhir.ContentStore;

/**
 * Everything the web layer (the FHIR server) is built with: the module's services, the host data, the users and
 * the content backend, all wired by {@link StandaloneApplication}.
 *
 * @param recordings the recording workflow
 * @param consents consent decisions
 * @param registers objections, covert authorisations, legal holds
 * @param sitePolicies site recording policies
 * @param schedules retention schedules per jurisdiction and record class (REC-2)
 * @param policyFiles export and import of site policies (POL-2)
 * @param disposal disposal and the retention sweep
 * @param disclosure disclosure packages and subject access
 * @param retention retention assignment and recomputation
 * @param audit the access audit log
 * @param host patients, sites, encounters and notes of the standalone server
 * @param users the standalone server's users
 * @param currentUser the actor bound to the request thread
 * @param guard the service boundary's access checks and audit
 * @param registerEntries the registers, read by the FHIR server to label recordings (legal holds, covert)
 * @param content where content bytes live
 * @param store the encrypted content store the FHIR server streams through (SAF-1)
 * @param clock the time
 * @param database the database, for host lookups outside the services
 */
public record Services(
        RecordingService recordings,
        ConsentService consents,
        RegisterService registers,
        SitePolicyService sitePolicies,
        RetentionScheduleService schedules,
        PolicyFileService policyFiles,
        DisposalService disposal,
        DisclosureService disclosure,
        RecordingRetention retention,
        AuditLog audit,
        HostDirectory host,
        UserAccounts users,
        RequestCurrentUser currentUser,
        AccessGuard guard,
        RegisterRepository registerEntries,
        ContentBackend content,
        ContentStore store,
        Clock clock,
        Database database) {

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
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(policyFiles, "policyFiles");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(registerEntries, "registerEntries");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(database, "database");
    }
}
