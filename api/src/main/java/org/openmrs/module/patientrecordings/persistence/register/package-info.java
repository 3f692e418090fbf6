/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The registers in the database: {@link org.openmrs.module.patientrecordings.persistence.register.JpaRegisterRepository}
 * over one table, {@code patientrecordings_register_entry}, whose {@code entry_type} tells the registers apart. Each
 * entry is a JSON document; its patient and end are copied into columns to search by. One table rather than six:
 * entries are only ever read whole, by type and id, and a new kind of register needs no schema change.
 */
package org.openmrs.module.patientrecordings.persistence.register;
