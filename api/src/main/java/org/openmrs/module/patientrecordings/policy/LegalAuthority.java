/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

/** A basis for disclosure other than the patient's consent (REC-5, REC-6, SEC-1). */
public enum LegalAuthority {
    COMPLAINT(false),
    CLAIM(false),
    FORMAL_INVESTIGATION(false),
    COURT_ORDER(true),
    REGULATOR(true);

    private final boolean compelled;

    LegalAuthority(boolean compelled) {
        this.compelled = compelled;
    }

    /** @return true when the law compels the disclosure, whatever others' wishes */
    public boolean compelled() {
        return compelled;
    }
}
