/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The configurable settings of the module: one {@link org.openmrs.module.patientrecordings.settings.Setting} per
 * OpenMRS global property, read through {@link org.openmrs.module.patientrecordings.settings.Settings}. JDK only.
 */
package org.openmrs.module.patientrecordings.settings;
