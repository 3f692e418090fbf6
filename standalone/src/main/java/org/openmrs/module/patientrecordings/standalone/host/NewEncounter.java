/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.Instant;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;

/**
 * What recording an encounter takes; checked by {@link HostEncounters#create}.
 *
 * @param patient an existing patient
 * @param site an existing site, or null
 * @param start when it started; null for now; not in the future
 * @param description up to 255 characters, or null
 */
public record NewEncounter(PatientId patient, SiteId site, Instant start, String description) {}
