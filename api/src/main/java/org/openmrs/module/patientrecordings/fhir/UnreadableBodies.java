/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import ca.uhn.fhir.parser.DataFormatException;

/**
 * SAF-4: a request body HAPI's parser could not read. The parser refuses most malformed bodies with a {@link
 * DataFormatException}; a few it fails on with an unchecked exception of its own instead (a JSON member whose name is
 * empty ends in an index out of range). Either way the body is the client's input and is refused with 400, never
 * answered as a server failure. A failure while HAPI <em>writes</em> an answer is not one of these: only the parser's
 * reading methods count.
 */
public final class UnreadableBodies {

    /** What the client is told when the parser failed without a message of its own. */
    public static final String MESSAGE = "the body is not a FHIR resource this server can read";

    private static final String PARSER_PACKAGE = "ca.uhn.fhir.parser.";

    private UnreadableBodies() {}

    /** Whether {@code thrown}, or one of its causes, is the parser refusing or failing to read a body. */
    public static boolean causedBy(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DataFormatException || thrownWhileParsing(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownWhileParsing(Throwable t) {
        if (!(t instanceof RuntimeException)) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            String method = frame.getMethodName();
            if (frame.getClassName().startsWith(PARSER_PACKAGE)
                    && (method.startsWith("parse") || method.startsWith("doParse"))) {
                return true;
            }
        }
        return false;
    }
}
