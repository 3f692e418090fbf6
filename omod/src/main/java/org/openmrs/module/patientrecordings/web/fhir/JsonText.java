/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

/**
 * Compact JSON written into one buffer, escaped exactly as HAPI's JSON encoder (Jackson's defaults) escapes it: a
 * quotation mark, a backslash and every control character below U+0020 ({@code \b \t \n \f \r} in short form, the
 * others as a backslash, u and four hex digits); nothing else, so characters outside ASCII are written as they are.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(4096);

    /** Whether the next member or array item needs a comma before it. */
    private boolean comma;

    JsonText beginObject(String name) {
        name(name);
        out.append('{');
        comma = false;
        return this;
    }

    JsonText beginObject() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    JsonText endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    JsonText beginArray(String name) {
        name(name);
        out.append('[');
        comma = false;
        return this;
    }

    JsonText endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    JsonText string(String name, String value) {
        name(name);
        quoted(value);
        comma = true;
        return this;
    }

    /** An array item. */
    JsonText string(String value) {
        separate();
        quoted(value);
        comma = true;
        return this;
    }

    JsonText number(String name, long value) {
        name(name);
        out.append(value);
        comma = true;
        return this;
    }

    JsonText bool(String name, boolean value) {
        name(name);
        out.append(value);
        comma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        separate();
        quoted(name);
        out.append(':');
    }

    private void separate() {
        if (comma) {
            out.append(',');
        }
    }

    private void quoted(String value) {
        out.append('"');
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, start, i).append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            start = i + 1;
        }
        out.append(value, start, length).append('"');
    }
}
