/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.settings;

import java.util.Objects;

/**
 * Every setting an administrator can change. In OpenMRS each is a global property named {@link #propertyName()},
 * declared in the module's {@code config.xml} with {@link #defaultValue()} and {@link #description()}; the standalone
 * server reads the same names from its configuration.
 *
 * <p>Secrets never live here: the master key is read from the file that {@link #MASTER_KEY_FILE} names, because
 * global properties are stored in the database (SAF-1).
 */
public enum Setting {
    STORAGE_GROUP(
            "patientrecordings.storage.group",
            "patientrecordings",
            "Folder (group) under which the module keeps encrypted recording content in the host storage service;"
                    + " letters, digits, '-', '.', '_' and '/' only"),
    MASTER_KEY_FILE(
            "patientrecordings.storage.masterKeyFile",
            "patientrecordings/master-key.json",
            "File holding the master key that encrypts the content keyset, relative to the OpenMRS application data"
                    + " directory unless absolute; readable only by the server account and never kept in the database"),
    KEYSET_FILE(
            "patientrecordings.storage.keysetFile",
            "patientrecordings/content-keyset.json",
            "File holding the content keyset encrypted under the master key, relative to the OpenMRS application data"
                    + " directory unless absolute"),
    ORPHAN_GRACE_MINUTES(
            "patientrecordings.storage.orphanGraceMinutes",
            "1440",
            "Minutes after which stored content with no committed recording, and unfinished writes, are removed"),
    UPLOAD_MAX_BYTES(
            "patientrecordings.upload.maxBytes",
            "10737418240",
            "Largest recording accepted in one upload, in bytes; larger uploads are refused and nothing is kept"),
    FHIR_BASE_URL(
            "patientrecordings.fhir.baseUrl",
            "",
            "Public base URL of the FHIR endpoint when a proxy hides it (for example"
                    + " https://emr.example.org/openmrs/ws/patientrecordings/fhir/R4); empty to derive it from"
                    + " each request"),
    FHIR_DEFAULT_PAGE_SIZE(
            "patientrecordings.fhir.defaultPageSize", "20", "Search results per page when the client names no _count"),
    FHIR_MAX_PAGE_SIZE(
            "patientrecordings.fhir.maxPageSize", "100", "Most search results per page, whatever _count asks for"),
    NOTE_CONCEPT_UUID(
            "patientrecordings.notes.conceptUuid",
            "162169AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "UUID of the text concept of encounter notes (CIEL 162169 'Text of encounter note'): consent decisions"
                    + " are written as observations of it (CON-8) and a note of it satisfies REC-3"),
    RETENTION_SWEEP_ENABLED(
            "patientrecordings.retention.sweepEnabled",
            "true",
            "Whether the retention sweep disposes of recordings whose retention has ended (REC-4); true or false"),
    RETENTION_SWEEP_INTERVAL_HOURS(
            "patientrecordings.retention.sweepIntervalHours",
            "24",
            "Hours between two runs of the retention sweep and the orphaned-content sweep");

    /** The prefix of every property name: the module id. */
    public static final String PREFIX = "patientrecordings.";

    private final String propertyName;
    private final String defaultValue;
    private final String description;

    Setting(String propertyName, String defaultValue, String description) {
        this.propertyName = Objects.requireNonNull(propertyName);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.description = Objects.requireNonNull(description);
    }

    /** The global property name, starting with {@value #PREFIX}. */
    public String propertyName() {
        return propertyName;
    }

    /** The value used while none is set; {@code ""} where the setting is optional. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the setting does, as shown to administrators. */
    public String description() {
        return description;
    }
}
