/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;

/**
 * The patient's record as far as notes go. It keeps every note the product appends (CON-8) apart from the
 * clinicians' own contemporaneous notes (REC-3): a consent note beside an encounter is not the clinical note of
 * that encounter. It can be told to fail, as a record that cannot be written to would.
 */
public final class FakeClinicalNotes implements ClinicalNotes {

    private final List<Note> appended = new ArrayList<>();
    private final Set<EncounterId> clinicalNotes = new HashSet<>();
    private final Map<UserId, String> names = new HashMap<>();
    private boolean failing;

    /** The host's name (and role) of a user, as notes must show it; the id when the host does not know them. */
    @Override
    public synchronized String nameOf(UserId user) {
        return names.getOrDefault(user, user.value());
    }

    /** The host knows this user by this name. */
    public synchronized void knows(UserId user, String name) {
        names.put(user, name);
    }

    @Override
    public synchronized boolean hasNote(EncounterId encounter) {
        return clinicalNotes.contains(encounter);
    }

    @Override
    public synchronized void append(Note note) {
        if (failing) {
            throw new IllegalStateException("the patient's record cannot be written to");
        }
        appended.add(note);
    }

    /** A clinician writes the contemporaneous note of an encounter. */
    public synchronized void clinicianWritesNote(EncounterId encounter) {
        clinicalNotes.add(encounter);
    }

    public synchronized void failAppends(boolean fail) {
        this.failing = fail;
    }

    /** Every note appended, oldest first. */
    public synchronized List<Note> appended() {
        return List.copyOf(appended);
    }

    public synchronized List<Note> appendedFor(PatientId patient) {
        return appended.stream().filter(n -> n.patient().equals(patient)).toList();
    }

    /** The latest note appended; fails when there is none. */
    public synchronized Note last() {
        if (appended.isEmpty()) {
            throw new AssertionError("no note was appended to any patient's record");
        }
        return appended.get(appended.size() - 1);
    }
}
