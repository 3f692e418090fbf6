/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;

/**
 * Reads a JSON document field by field, collecting every problem as an SAF-4 reason located at its JSON path (for
 * example {@code sites[1].telephone.notices[0].startedOn}) instead of stopping at the first. Each read returns null
 * when the value is missing or wrong, after recording why; the caller builds its value only when {@link #ok()}.
 * Shared by the policy file and the administration API, so both name fields alike.
 */
public final class JsonInput {

    private final List<Reason> problems;

    /** @param problems receives the problems; the caller owns it */
    public JsonInput(List<Reason> problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** The path of a member: {@code key} at the root, else {@code path.key}. */
    public static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The path of an array element: {@code path[index]}. */
    public static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Records a problem at {@code path}. */
    public void problem(String path, String message) {
        problems.add(Reason.error(ErrorCode.SAF_4, message, path));
    }

    /** Records a problem under another rule's code, e.g. TEL-2 for a notice, at {@code path}. */
    public void problem(ErrorCode code, String path, String message) {
        problems.add(Reason.error(code, message, path));
    }

    /** @return true while no problem was recorded */
    public boolean ok() {
        return problems.stream().noneMatch(Reason::isError);
    }

    public int count() {
        return problems.size();
    }

    /** The element as an object, or null (with a problem) when it is anything else. */
    public JsonObject object(JsonElement element, String path) {
        if (element != null && element.isJsonObject()) {
            return element.getAsJsonObject();
        }
        problem(path, element == null || element.isJsonNull() ? "required" : "must be an object");
        return null;
    }

    /** Records a problem for every member whose name is not one of {@code known}: a misspelt field is not ignored. */
    public void onlyKnown(JsonObject object, String path, Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problem(at(path, key), "unknown field; expected one of " + new TreeSet<>(known));
            }
        }
    }

    /** A string member; blank counts as missing. */
    public String text(JsonObject object, String key, String path, boolean required) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            if (required) {
                problem(at(path, key), "required");
            }
            return null;
        }
        if (!isString(value)) {
            problem(at(path, key), "must be a string");
            return null;
        }
        String text = value.getAsString();
        if (text.isBlank()) {
            if (required) {
                problem(at(path, key), "must not be blank");
            }
            return null;
        }
        return text;
    }

    /** A required boolean member. */
    public Boolean bool(JsonObject object, String key, String path) {
        JsonElement value = object.get(key);
        if (value instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        problem(at(path, key), value == null || value.isJsonNull() ? "required" : "must be true or false");
        return null;
    }

    /** An array member; a missing optional array reads as empty. */
    public JsonArray array(JsonObject object, String key, String path, boolean required) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            if (required) {
                problem(at(path, key), "required");
                return null;
            }
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            problem(at(path, key), "must be an array");
            return null;
        }
        return value.getAsJsonArray();
    }

    /** An enum constant named by a string member (upper case; lower case accepted). */
    public <E extends Enum<E>> E enumMember(JsonObject object, String key, String path, Class<E> type) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            problem(at(path, key), "required; one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
        return enumValue(value, at(path, key), type);
    }

    /** An enum constant named by a string element. */
    public <E extends Enum<E>> E enumValue(JsonElement value, String path, Class<E> type) {
        if (isString(value)) {
            try {
                return Enum.valueOf(type, value.getAsString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problem(path, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /** An ISO date member ({@code 2025-03-10}). */
    public LocalDate date(JsonObject object, String key, String path, boolean required) {
        String text = text(object, key, path, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(at(path, key), "must be a date such as 2025-03-10");
            return null;
        }
    }

    /** An ISO instant member ({@code 2025-03-10T09:00:00Z}). */
    public Instant instant(JsonObject object, String key, String path, boolean required) {
        String text = text(object, key, path, required);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problem(at(path, key), "must be an instant such as 2025-03-10T09:00:00Z");
            return null;
        }
    }

    /** A string element of an array. */
    public String textElement(JsonElement value, String path) {
        if (isString(value) && !value.getAsString().isBlank()) {
            return value.getAsString();
        }
        problem(path, "must be a non-blank string");
        return null;
    }

    private static boolean isString(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isString();
    }
}
