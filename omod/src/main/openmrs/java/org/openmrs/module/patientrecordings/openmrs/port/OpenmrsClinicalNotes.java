/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.Date;
import java.util.Objects;
import org.openmrs.Concept;
import org.openmrs.Encounter;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link ClinicalNotes} over encounter-note observations: a note is a text observation of the concept that
 * {@link Setting#NOTE_CONCEPT_UUID} names (by default CIEL 162169, "Text of encounter note", the concept OpenMRS 3's
 * visit notes use). Consent decisions (CON-8) are saved as such observations in the encounter, so they appear with
 * the encounter's own notes; without an encounter they are saved as observations of the patient alone. REC-3 counts
 * any non-voided, non-blank observation of that concept in the encounter as its note.
 */
public final class OpenmrsClinicalNotes implements ClinicalNotes {

    private final Settings settings;

    public OpenmrsClinicalNotes(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public boolean hasNote(EncounterId encounterId) {
        Objects.requireNonNull(encounterId, "encounter");
        String conceptUuid = settings.get(Setting.NOTE_CONCEPT_UUID);
        return HostPrivileges.with(
                () -> {
                    Encounter encounter = Context.getEncounterService().getEncounterByUuid(encounterId.value());
                    return encounter != null
                            && encounter.getAllObs(false).stream().anyMatch(obs -> isNote(obs, conceptUuid));
                },
                PrivilegeConstants.GET_ENCOUNTERS,
                PrivilegeConstants.GET_OBS);
    }

    /** Saves the note as an observation; throws when the patient, encounter or concept is missing (CON-8). */
    @Override
    public void append(Note note) {
        Objects.requireNonNull(note, "note");
        HostPrivileges.with(
                () -> Context.getObsService().saveObs(observation(note), null),
                PrivilegeConstants.GET_PATIENTS,
                PrivilegeConstants.GET_ENCOUNTERS,
                PrivilegeConstants.GET_CONCEPTS,
                PrivilegeConstants.ADD_OBS);
    }

    private Obs observation(Note note) {
        Patient patient =
                Context.getPatientService().getPatientByUuid(note.patient().value());
        if (patient == null) {
            throw new IllegalStateException("No patient " + note.patient() + " to write the note for");
        }
        String conceptUuid = settings.get(Setting.NOTE_CONCEPT_UUID);
        Concept concept = Context.getConceptService().getConceptByUuid(conceptUuid);
        if (concept == null) {
            throw new IllegalStateException("The note concept " + conceptUuid + " named by "
                    + Setting.NOTE_CONCEPT_UUID.propertyName() + " does not exist");
        }
        Obs obs = new Obs();
        obs.setPerson(patient);
        obs.setConcept(concept);
        obs.setObsDatetime(Date.from(note.at()));
        obs.setValueText(note.text());
        if (note.encounter() != null) {
            Encounter encounter = Context.getEncounterService()
                    .getEncounterByUuid(note.encounter().value());
            if (encounter == null) {
                throw new IllegalStateException("No encounter " + note.encounter() + " to write the note in");
            }
            obs.setEncounter(encounter);
            obs.setLocation(encounter.getLocation());
        }
        return obs;
    }

    private static boolean isNote(Obs obs, String conceptUuid) {
        return obs.getConcept() != null
                && conceptUuid.equals(obs.getConcept().getUuid())
                && obs.getValueText() != null
                && !obs.getValueText().isBlank();
    }
}
