/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.settings;

import java.util.Map;
import java.util.Objects;

/**
 * Reads settings from wherever the host keeps them (OpenMRS global properties, a configuration file). A value that
 * is missing or blank reads as the setting's {@linkplain Setting#defaultValue() default}.
 */
@FunctionalInterface
public interface Settings {

    /**
     * The raw value the host holds for a setting.
     *
     * @return the value, or null when the host holds none
     */
    String raw(Setting setting);

    /** The value, or the default when none is set. Never null. */
    default String get(Setting setting) {
        String value = raw(Objects.requireNonNull(setting, "setting"));
        return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
    }

    /**
     * The value as a number.
     *
     * @throws InvalidSettingException when the value is not a whole number
     */
    default long getLong(Setting setting) {
        String value = get(setting);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, value, "a whole number");
        }
    }

    /**
     * The value as {@code true} or {@code false} (any case).
     *
     * @throws InvalidSettingException for any other value
     */
    default boolean getBoolean(Setting setting) {
        String value = get(setting);
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new InvalidSettingException(setting, value, "true or false");
    }

    /** Settings from a map of property names to values, for tests and the standalone configuration. */
    static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return setting -> copy.get(setting.propertyName());
    }

    /** Every setting at its default. */
    static Settings defaults() {
        return setting -> null;
    }
}
