/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.port.ClinicalNotes.Note;
import org.openmrs.module.patientrecordings.retention.Jurisdiction;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.standalone.host.Gender;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.standalone.host.NewEncounter;
import org.openmrs.module.patientrecordings.standalone.host.NewPatient;
import org.openmrs.module.patientrecordings.standalone.security.UserAccount;

/**
 * The demo clinic: three demo users, one site with its recording policy, three patients and one encounter with a
 * clinical note. Every item has a fixed id or name and is created only when absent, so a second start creates
 * nothing new. The names are invented.
 */
final class DemoData {

    /** The demo users; their passwords are documented in the README and meant for trying the server only. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser(
                    "clinician",
                    "Dr Demo Clinician",
                    "Clinician123",
                    EnumSet.of(Privilege.VIEW_RECORDINGS, Privilege.CREATE_RECORDINGS, Privilege.MANAGE_CONSENT)),
            new DemoUser(
                    "records",
                    "Demo Records Manager",
                    "Records123",
                    EnumSet.of(
                            Privilege.VIEW_RECORDINGS,
                            Privilege.MANAGE_RECORDS,
                            Privilege.DISCLOSE_RECORDINGS,
                            Privilege.MANAGE_LEGAL_HOLDS)),
            new DemoUser("auditor", "Demo Auditor", "Auditor123", EnumSet.of(Privilege.VIEW_AUDIT)));

    static final SiteId SITE = SiteId.of("riverside-surgery");
    static final PatientId ADULT = fixedPatient("adult");
    static final PatientId CHILD = fixedPatient("child");
    static final PatientId ELDERLY = fixedPatient("elderly");
    static final EncounterId CONSULTATION = EncounterId.of(fixedId("encounter:consultation"));

    private final Services services;

    DemoData(Services services) {
        this.services = services;
    }

    /**
     * Creates what is missing of the demo clinic.
     *
     * @param admin who sets up the site's policy (audited as a policy change)
     * @return how many items were created
     */
    int ensure(UserAccount admin) {
        int created = 0;
        for (DemoUser user : USERS) {
            created += services.users()
                            .createIfAbsent(user.username(), user.displayName(), user.password(), user.privileges())
                            .isPresent()
                    ? 1
                    : 0;
        }
        created += ensureSite(admin.actor());
        created += ensurePatient(
                ADULT, new NewPatient("DEMO-0001", "Amelia", "Clarke", Gender.FEMALE, date("1984-03-12")));
        created +=
                ensurePatient(CHILD, new NewPatient("DEMO-0002", "Oliver", "Bennett", Gender.MALE, date("2012-07-30")));
        created += ensurePatient(
                ELDERLY, new NewPatient("DEMO-0003", "Margaret", "Hughes", Gender.FEMALE, date("1941-11-02")));
        created += ensureConsultation();
        return created;
    }

    private int ensureSite(Actor admin) {
        HostDirectory host = services.host();
        int created = 0;
        if (host.sites().find(SITE).isEmpty()) {
            host.sites().create(SITE, "Riverside Surgery");
            created++;
        }
        if (services.sitePolicies().versions(SITE).isEmpty()) {
            services.currentUser().runAs(admin, () -> services.sitePolicies().change(policy()));
            created++;
        }
        return created;
    }

    /** POL-1: what the demo site allows. Version 1, England's retention schedule for GP records. */
    static SitePolicy policy() {
        return new SitePolicy(
                SITE,
                1,
                Set.of(
                        RecordingKind.CONSULTATION,
                        RecordingKind.PROCEDURE,
                        RecordingKind.CLINICAL_PHOTO,
                        RecordingKind.INTERNAL_IMAGING,
                        RecordingKind.PATHOLOGY_SLIDE,
                        RecordingKind.ENDOSCOPY,
                        RecordingKind.ORGAN_FUNCTION,
                        RecordingKind.ULTRASOUND,
                        RecordingKind.XRAY),
                true,
                TelephonePolicy.OFF,
                List.of(new NoFilmingArea(
                        "RECEPTION", "Reception and waiting room", List.of("Poster at the reception desk"))),
                List.of(
                        new SecondaryPurposeRule(Purpose.TRAINING, null),
                        new SecondaryPurposeRule(Purpose.AUDIT, null),
                        new SecondaryPurposeRule(Purpose.RESEARCH, "Caldicott Guardian")),
                Jurisdiction.ENGLAND.code(),
                RecordClass.GP,
                MissingNoteHandling.FLAG);
    }

    private int ensurePatient(PatientId id, NewPatient details) {
        if (services.host().patients().read(id).isPresent()) {
            return 0;
        }
        services.host().patients().create(id, details);
        return 1;
    }

    private int ensureConsultation() {
        HostDirectory host = services.host();
        int created = 0;
        if (host.encounters().read(CONSULTATION).isEmpty()) {
            host.encounters()
                    .create(
                            CONSULTATION,
                            new NewEncounter(
                                    ADULT,
                                    SITE,
                                    services.clock().instant().minus(Duration.ofHours(1)),
                                    "GP consultation"));
            created++;
        }
        if (!host.notes().hasNote(CONSULTATION)) {
            UserAccount clinician = services.users().find("clinician").orElseThrow();
            host.notes()
                    .append(new Note(
                            ADULT,
                            CONSULTATION,
                            clinician.id(),
                            services.clock().instant(),
                            "Presenting complaint: recurrent headaches for three weeks. No red flags on examination."
                                    + " Plan: headache diary, review in two weeks."));
            created++;
        }
        return created;
    }

    private static PatientId fixedPatient(String name) {
        return PatientId.of(fixedId("patient:" + name));
    }

    /** A stable UUID per demo item, so that every installation's demo clinic has the same ids. */
    private static String fixedId(String name) {
        return UUID.nameUUIDFromBytes(("patientrecordings-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * A demo user.
     *
     * @param username the login name
     * @param displayName shown name
     * @param password the documented demo password
     * @param privileges what the role may do
     */
    record DemoUser(String username, String displayName, String password, Set<Privilege> privileges) {
        @Override
        public String toString() {
            return "DemoUser[" + username + "]";
        }
    }
}
