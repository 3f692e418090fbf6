/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.Media;
import org.junit.jupiter.api.Test;

class UnreadableBodiesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void aBodyTheParserFailsOnWithoutARefusalOfItsOwnIsUnreadable() {
        // HAPI's JSON parser ends in an index out of range on a member with an empty name.
        Throwable failed = catchThrowable(
                () -> FHIR.newJsonParser().parseResource(Media.class, "{\"resourceType\":\"Media\",\"\":1}"));

        assertThat(failed).isNotNull().isNotInstanceOf(DataFormatException.class);
        assertThat(UnreadableBodies.causedBy(failed)).isTrue();
        assertThat(UnreadableBodies.causedBy(new IllegalStateException("while handling", failed)))
                .isTrue();
    }

    @Test
    void theParsersOwnRefusalIsUnreadable() {
        Throwable refused =
                catchThrowable(() -> FHIR.newJsonParser().parseResource(Media.class, "{\"resourceType\": "));

        assertThat(refused).isInstanceOf(DataFormatException.class);
        assertThat(UnreadableBodies.causedBy(refused)).isTrue();
    }

    @Test
    void aFailureOutsideTheParsersReadingIsNot() {
        assertThat(UnreadableBodies.causedBy(new IllegalStateException("a server fault")))
                .isFalse();
        assertThat(UnreadableBodies.causedBy(new StringIndexOutOfBoundsException(0)))
                .isFalse();
        assertThat(UnreadableBodies.causedBy(new OutOfMemoryError())).isFalse();
    }

    @Test
    void aFailureWhileTheParserWritesAnAnswerIsNot() {
        RuntimeException writing = new IllegalStateException("encoding failed");
        writing.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("ca.uhn.fhir.parser.JsonParser", "encodeResourceToJsonStreamWriter", null, 1),
            new StackTraceElement("ca.uhn.fhir.parser.BaseParser", "encodeResourceToString", null, 1)
        });

        assertThat(UnreadableBodies.causedBy(writing)).isFalse();
    }
}
