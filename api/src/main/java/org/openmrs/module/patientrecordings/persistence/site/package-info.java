/* SPDX-License-Identifier: MPL-2.0 */
/**
 * Site policies in the database: {@link org.openmrs.module.patientrecordings.persistence.site.JpaSitePolicyRepository}
 * over {@code patientrecordings_site_policy}, one row per version with a unique (site, version) constraint (POL-2,
 * VER-1). A version's nested lists are one JSON document, as it is written once and only read whole.
 */
package org.openmrs.module.patientrecordings.persistence.site;
