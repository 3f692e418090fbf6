/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import org.openmrs.module.patientrecordings.domain.ErrorCode;

/**
 * The audit log could not record an access. Under SAF-2 the access itself must then fail: callers let this
 * propagate (or turn it into a server error with {@link #code()}) and never return the audited data.
 */
public class AuditWriteFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditWriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return {@link ErrorCode#SAF_2} */
    public ErrorCode code() {
        return ErrorCode.SAF_2;
    }
}
