/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.IntegrityFailureAudit;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsContentKeys;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsCurrentUser;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreator;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.settings.InvalidSettingException;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.web.fhir.ConditionalCreates;
import org.openmrs.module.patientrecordings.web.fhir.ContentStore;
import org.openmrs.module.patientrecordings.web.fhir.DatabaseConditionalCreates;
import org.openmrs.module.patientrecordings.web.fhir.EncryptedContent;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerDependencies;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerSettings;
import org.openmrs.module.patientrecordings.web.fhir.PatientRecordingsFhirServer;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;
import org.openmrs.module.patientrecordings.web.fhir.host.HostEncounterReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostLocationReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostPatientReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * Makes the module's FHIR R4 server inside OpenMRS, as the standalone server makes it ({@code
 * StandaloneApplication.fhirServlet}): the web shell's {@link PatientRecordingsFhirServer} over the module's services
 * and stores (the module's Spring beans), content encrypted with the keys the global properties name, the public
 * {@code /ws/...} base address, conditional-create keys and the chunks of uploads in progress in OpenMRS' database, the upload limit and page sizes of the global properties, and OpenMRS' own
 * authentication ({@link OpenmrsRequestAuthenticator}), and OpenMRS' own patients, encounters and locations read-only
 * ({@link HostRecords}). Called when OpenMRS starts the FHIR servlet, after the
 * module's Spring context, so the settings are read then: a change to the upload limit or the page sizes applies
 * when the module next starts.
 */
final class FhirServerFactory {

    /** How the server names itself as an audit source. */
    static final String SERVER_NAME = "Patient Recordings (OpenMRS)";

    private FhirServerFactory() {}

    /**
     * A new, not yet initialised server.
     *
     * @throws IllegalStateException when the module's beans are missing, or the content keys cannot be opened
     * @throws InvalidSettingException when a global property does not hold what it must
     */
    static PatientRecordingsFhirServer create() {
        Settings settings = the(Settings.class);
        FhirServerDependencies dependencies = new FhirServerDependencies(
                the(RecordingService.class),
                the(ConsentService.class),
                the(RegisterService.class),
                the(DisclosureService.class),
                the(RegisterRepository.class),
                the(AuditLog.class),
                the(AccessGuard.class),
                contentStore(settings));
        FhirServerSettings serverSettings = FhirServerSettings.defaults(SERVER_NAME)
                .withAddressStrategy(new PublicAddressStrategy(settings))
                .withMaxUploadBytes(positive(settings, Setting.UPLOAD_MAX_BYTES))
                .withPageSize(pageSize(settings, Setting.FHIR_DEFAULT_PAGE_SIZE))
                .withMaxPageSize(pageSize(settings, Setting.FHIR_MAX_PAGE_SIZE));
        // Conditional creates hold across restarts and across OpenMRS instances sharing the database.
        ConditionalCreates creates =
                new DatabaseConditionalCreates(new IdempotentCreator(the(Transactions.class), Clock.systemUTC()));
        // Chunked uploads continue on any OpenMRS instance sharing the database, and after a restart.
        PatientRecordingsFhirServer server = new PatientRecordingsFhirServer(
                dependencies, serverSettings, new OpenmrsRequestAuthenticator(), creates, the(UploadProgress.class));
        // OpenMRS' own patients, encounters and locations, read-only, as the standalone server serves its own.
        HostRecords records = the(HostRecords.class);
        HostAccess access = new HostAccess(the(AccessGuard.class));
        server.registerProviders(List.of(
                new HostPatientReadProvider(records, access),
                new HostEncounterReadProvider(records, access),
                new HostLocationReadProvider(records, access)));
        return server;
    }

    /** The encrypted store over the host's storage service; an integrity failure is audited under the reader. */
    private static ContentStore contentStore(Settings settings) {
        ContentBackend backend = the(ContentBackend.class);
        OpenmrsCurrentUser currentUser = new OpenmrsCurrentUser();
        IntegrityFailureAudit integrity =
                new IntegrityFailureAudit(the(AuditLog.class), currentUser::user, Clock.systemUTC());
        try {
            return new EncryptedContent(
                    new EncryptedContentStore(backend, OpenmrsContentKeys.open(settings), integrity), backend);
        } catch (IOException e) {
            throw new UncheckedIOException("Patient Recordings cannot open its content keys: " + e.getMessage(), e);
        }
    }

    private static long positive(Settings settings, Setting setting) {
        long value = settings.getLong(setting);
        if (value < 1) {
            throw new InvalidSettingException(setting, Long.toString(value), "a whole number above 0");
        }
        return value;
    }

    private static int pageSize(Settings settings, Setting setting) {
        long value = positive(settings, setting);
        if (value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(setting, Long.toString(value), "a page size up to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }
}
