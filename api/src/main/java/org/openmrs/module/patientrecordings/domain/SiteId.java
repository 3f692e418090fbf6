/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.UUID;

/**
 * Identifies a site by the host's stable identifier (a UUID in OpenMRS).
 *
 * @param value never null or blank
 */
public record SiteId(String value) {

    public SiteId {
        Ids.require(value, "site id");
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    public static SiteId random() {
        return new SiteId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
