/* SPDX-License-Identifier: MPL-2.0 */
/**
 * Taking in a recording's content: {@link org.openmrs.module.patientrecordings.ingest.ContentIngest} writes it to the
 * encrypted content store, then commits the recording's reference to it in the database, in that order, so that a
 * crash at any moment leaves either a committed recording whose content reads back, or content no committed row
 * refers to. {@link org.openmrs.module.patientrecordings.ingest.DatabaseContentReferences} tells the content
 * sweeper which is which, from committed rows only.
 */
package org.openmrs.module.patientrecordings.ingest;
