/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link Settings} over OpenMRS global properties, read on every call so that a change made by an administrator
 * takes effect without a restart.
 */
public final class OpenmrsSettings implements Settings {

    @Override
    public String raw(Setting setting) {
        return HostPrivileges.with(
                () -> Context.getAdministrationService().getGlobalProperty(setting.propertyName()),
                PrivilegeConstants.GET_GLOBAL_PROPERTIES);
    }
}
