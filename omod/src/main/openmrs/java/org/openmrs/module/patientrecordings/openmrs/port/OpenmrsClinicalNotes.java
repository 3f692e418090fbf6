/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.Concept;
import org.openmrs.Encounter;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.Role;
import org.openmrs.User;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.hosting.NoteConcept;
import org.openmrs.module.patientrecordings.hosting.PersonNames;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link ClinicalNotes} over encounter-note observations: a note is a text observation of the {@link NoteConcept}
 * (by default CIEL 162169, "Text of encounter note", the concept OpenMRS 3's visit notes use; made at start where the
 * dictionary has none). A note for an encounter is saved in that encounter, beside its own notes and at its location;
 * only a note with no encounter at all is an observation of the patient alone (CON-8). The module marks its own
 * notes with its form namespace ({@value #NAMESPACE}), so that REC-3 counts only the clinicians': any non-voided,
 * non-blank observation of that concept in the encounter that the module did not write. A note that cannot be
 * written is a CON-8 refusal naming what is missing, never a server fault.
 */
public final class OpenmrsClinicalNotes implements ClinicalNotes {

    /** The form namespace of the notes the module writes. */
    static final String NAMESPACE = "patientrecordings";

    /** Their form field path. */
    static final String PATH = "note";

    private final NoteConcept noteConcept;

    public OpenmrsClinicalNotes(NoteConcept noteConcept) {
        this.noteConcept = Objects.requireNonNull(noteConcept, "noteConcept");
    }

    @Override
    public boolean hasNote(EncounterId encounterId) {
        Objects.requireNonNull(encounterId, "encounter");
        Optional<String> concept = noteConcept.find();
        if (concept.isEmpty()) {
            return false;
        }
        return HostPrivileges.with(
                () -> {
                    Encounter encounter = Context.getEncounterService().getEncounterByUuid(encounterId.value());
                    return encounter != null
                            && encounter.getAllObs(false).stream().anyMatch(obs -> isNote(obs, concept.get()));
                },
                PrivilegeConstants.GET_ENCOUNTERS,
                PrivilegeConstants.GET_OBS);
    }

    /**
     * Saves the note as an observation.
     *
     * @throws RuleViolationException CON-8 when the patient or the encounter is unknown, or there is no note concept
     */
    @Override
    public void append(Note note) {
        Objects.requireNonNull(note, "note");
        String conceptUuid = noteConcept.ensure();
        HostPrivileges.with(
                () -> Context.getObsService().saveObs(observation(note, conceptUuid), null),
                PrivilegeConstants.GET_PATIENTS,
                PrivilegeConstants.GET_ENCOUNTERS,
                PrivilegeConstants.GET_CONCEPTS,
                PrivilegeConstants.ADD_OBS);
    }

    /** The user's name and job roles, from their OpenMRS person; their username or id when they have no name. */
    @Override
    public String nameOf(UserId userId) {
        Objects.requireNonNull(userId, "user");
        return HostPrivileges.with(
                () -> {
                    User user = Context.getUserService().getUserByUuid(userId.value());
                    if (user == null) {
                        return userId.value();
                    }
                    String fallback =
                            user.getUsername() != null && !user.getUsername().isBlank()
                                    ? user.getUsername()
                                    : userId.value();
                    return PersonNames.user(
                            HostNames.of(user.getPersonName()),
                            user.getAllRoles().stream().map(Role::getRole).toList(),
                            fallback);
                },
                PrivilegeConstants.GET_USERS,
                PrivilegeConstants.GET_PERSONS,
                PrivilegeConstants.GET_ROLES);
    }

    private static Obs observation(Note note, String conceptUuid) {
        Patient patient =
                Context.getPatientService().getPatientByUuid(note.patient().value());
        if (patient == null) {
            throw cannotWrite("No patient " + note.patient() + " to write the note for", "patient");
        }
        Concept concept = Context.getConceptService().getConceptByUuid(conceptUuid);
        if (concept == null) {
            throw cannotWrite("The note concept " + conceptUuid + " does not exist", "concept");
        }
        Obs obs = new Obs();
        obs.setPerson(patient);
        obs.setConcept(concept);
        obs.setObsDatetime(Date.from(note.at()));
        obs.setValueText(note.text());
        obs.setFormField(NAMESPACE, PATH);
        if (note.encounter() != null) {
            Encounter encounter = Context.getEncounterService()
                    .getEncounterByUuid(note.encounter().value());
            if (encounter == null || Boolean.TRUE.equals(encounter.getVoided())) {
                throw cannotWrite("No encounter " + note.encounter() + " to write the note in", "encounter");
            }
            obs.setEncounter(encounter);
            obs.setLocation(encounter.getLocation());
        }
        return obs;
    }

    private static RuleViolationException cannotWrite(String message, String location) {
        return RuleViolationException.of(ErrorCode.CON_8, message, location);
    }

    private static boolean isNote(Obs obs, String conceptUuid) {
        return obs.getConcept() != null
                && conceptUuid.equals(obs.getConcept().getUuid())
                && !NAMESPACE.equals(obs.getFormFieldNamespace())
                && obs.getValueText() != null
                && !obs.getValueText().isBlank();
    }
}
