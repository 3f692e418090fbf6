/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fuzz;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openmrs.module.patientrecordings.fhir.UnreadableBodies;

/**
 * A request body read as the FHIR endpoints read it: HAPI's parser for the body's encoding, with the context's default
 * (lenient) error handler, into the resource type the endpoint takes. A body HAPI cannot read is refused by the
 * endpoints with SAF-4 "Malformed FHIR" (400): the parser's refusal, or a failure inside its reading methods ({@link
 * UnreadableBodies}), which this returns as empty. Anything else escapes as a finding.
 */
final class FhirBodies {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirBodies() {}

    static <T extends IBaseResource> Optional<T> json(Class<T> type, String body) {
        return parse(FHIR.newJsonParser(), type, body);
    }

    static <T extends IBaseResource> Optional<T> xml(Class<T> type, String body) {
        return parse(FHIR.newXmlParser(), type, body);
    }

    private static <T extends IBaseResource> Optional<T> parse(IParser parser, Class<T> type, String body) {
        // Lenient as the server's parser, without logging each unknown element: that would slow fuzzing down.
        parser.setParserErrorHandler(new LenientErrorHandler(false));
        try {
            return Optional.of(parser.parseResource(type, body));
        } catch (RuntimeException unread) {
            if (UnreadableBodies.causedBy(unread)) {
                return Optional.empty();
            }
            throw unread;
        }
    }
}
