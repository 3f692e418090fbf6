/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

/**
 * Compact JSON written into one buffer, escaped exactly as HAPI's JSON encoder (Jackson's defaults) escapes it: a
 * quotation mark, a backslash and every control character below U+0020 ({@code \b \t \n \f \r} in short form, the
 * others as a backslash, u and four hex digits); nothing else, so characters outside ASCII are written as they are.
 * An object or array closed with nothing in it is taken out again, member name and all, as HAPI writes no empty
 * element.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final int COMMA = 1;
    private static final int ARRAY = 2;

    private final StringBuilder out = new StringBuilder(8192);

    /** Whether the next member or array item needs a comma before it. */
    private boolean comma;

    /**
     * Opens an object: a member when named, an array item when the name is null.
     *
     * @return where it starts, for {@link #end(long)}
     */
    long beginObject(String name) {
        long start = start(0);
        if (name == null) {
            separate();
        } else {
            name(name);
        }
        out.append('{');
        comma = false;
        return start;
    }

    /**
     * Opens an array member.
     *
     * @return where it starts, for {@link #end(long)}
     */
    long beginArray(String name) {
        long start = start(ARRAY);
        name(name);
        out.append('[');
        comma = false;
        return start;
    }

    /**
     * Closes the object or array opened at {@code start}, or takes it out again when nothing was written in it.
     *
     * @return whether anything was written in it
     */
    boolean end(long start) {
        char last = out.charAt(out.length() - 1);
        boolean array = (start & ARRAY) != 0;
        if (!comma && last == (array ? '[' : '{')) {
            out.setLength((int) (start >>> 2));
            comma = (start & COMMA) != 0;
            return false;
        }
        out.append(array ? ']' : '}');
        comma = true;
        return true;
    }

    void string(String name, String value) {
        name(name);
        quoted(value);
        comma = true;
    }

    /** An array item. */
    void string(String value) {
        separate();
        quoted(value);
        comma = true;
    }

    void number(String name, long value) {
        name(name);
        out.append(value);
        comma = true;
    }

    void bool(String name, boolean value) {
        name(name);
        out.append(value);
        comma = true;
    }

    /** How long the text is so far: what {@link #string} and the others add to it can be seen by comparing. */
    int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private long start(int kind) {
        return ((long) out.length() << 2) | (comma ? COMMA : 0) | kind;
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
