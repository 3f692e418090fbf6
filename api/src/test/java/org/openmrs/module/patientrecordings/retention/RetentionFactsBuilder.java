/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.time.LocalDate;
import java.util.Optional;

/** Test fixture: {@code aGeneralRecord().ofPatientBornOn("1980-05-10").lastTreatedOn("2020-03-15").facts()}. */
final class RetentionFactsBuilder {

    private final RecordClass recordClass;
    private LocalDate birthDate = LocalDate.parse("1980-01-01");
    private LocalDate lastTreatment = LocalDate.parse("2020-01-01");
    private Optional<LocalDate> deathDate = Optional.empty();

    private RetentionFactsBuilder(RecordClass recordClass) {
        this.recordClass = recordClass;
    }

    static RetentionFactsBuilder aGeneralRecord() {
        return new RetentionFactsBuilder(RecordClass.GENERAL);
    }

    static RetentionFactsBuilder aGpRecord() {
        return new RetentionFactsBuilder(RecordClass.GP);
    }

    static RetentionFactsBuilder aMentalHealthRecord() {
        return new RetentionFactsBuilder(RecordClass.MENTAL_HEALTH);
    }

    static RetentionFactsBuilder aMaternityRecord() {
        return new RetentionFactsBuilder(RecordClass.MATERNITY);
    }

    RetentionFactsBuilder ofPatientBornOn(String date) {
        birthDate = LocalDate.parse(date);
        return this;
    }

    RetentionFactsBuilder lastTreatedOn(String date) {
        lastTreatment = LocalDate.parse(date);
        return this;
    }

    RetentionFactsBuilder diedOn(String date) {
        deathDate = Optional.of(LocalDate.parse(date));
        return this;
    }

    RetentionFacts facts() {
        return new RetentionFacts(birthDate, deathDate, lastTreatment, recordClass);
    }
}
