/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.settings;

/** A setting holds a value of the wrong form; the message names the setting and what it should hold. */
public final class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Setting setting;

    public InvalidSettingException(Setting setting, String value, String expected) {
        super("Setting " + setting.propertyName() + " holds '" + value + "' but must hold " + expected);
        this.setting = setting;
    }

    /** The setting at fault. */
    public Setting setting() {
        return setting;
    }
}
