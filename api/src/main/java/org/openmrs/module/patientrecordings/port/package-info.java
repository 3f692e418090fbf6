/* SPDX-License-Identifier: MPL-2.0 */
/**
 * What the host provides: implemented once for OpenMRS (the adapter built by the {@code openmrs} profile) and once
 * by the standalone server. Time comes from {@link java.time.Clock}, injected like a port.
 */
package org.openmrs.module.patientrecordings.port;
