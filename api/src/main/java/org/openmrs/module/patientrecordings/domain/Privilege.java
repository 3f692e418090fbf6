/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/**
 * The privileges of SAF-3. {@link #privilegeName()} is the name declared to the host (OpenMRS privileges).
 */
public enum Privilege {
    VIEW_RECORDINGS("Patient Recordings: View Recordings", "View, play and search recordings"),
    CREATE_RECORDINGS("Patient Recordings: Create Recordings", "Start, upload, stop and complete recordings"),
    MANAGE_CONSENT("Patient Recordings: Manage Consent", "Record consent given, withheld, withdrawn or confirmed"),
    MANAGE_POLICY("Patient Recordings: Manage Policy", "Change site recording policies and registers"),
    DISCLOSE_RECORDINGS(
            "Patient Recordings: Disclose Recordings", "Produce disclosure packages and subject-access exports"),
    AUTHORISE_COVERT(
            "Patient Recordings: Authorise Covert Recording",
            "Record covert recording authorisations and see covert recordings"),
    MANAGE_LEGAL_HOLDS("Patient Recordings: Manage Legal Holds", "Place and lift legal holds"),
    VIEW_AUDIT("Patient Recordings: View Audit", "Read the access audit trail"),
    MANAGE_RECORDS(
            "Patient Recordings: Manage Records",
            "Void recordings entered in error and dispose of recordings after retention");

    private final String privilegeName;
    private final String description;

    Privilege(String privilegeName, String description) {
        this.privilegeName = privilegeName;
        this.description = description;
    }

    public String privilegeName() {
        return privilegeName;
    }

    public String description() {
        return description;
    }
}
