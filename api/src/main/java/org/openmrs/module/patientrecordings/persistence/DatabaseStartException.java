/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

/**
 * The database could not be opened: unreachable, the schema could not be brought up to date, or the schema does not
 * match the entity mappings. The message names the stage that failed.
 */
public class DatabaseStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
