/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * The elements a round trip must keep, as comparable JSON: the given top-level elements with displays, titles and
 * narrative removed (the domain keeps identifiers, not names) and repeating extensions in a stable order.
 */
final class ProfiledElements {

    private static final Set<String> DROPPED = Set.of("display", "title", "text");

    private ProfiledElements() {}

    static JsonObject of(Resource resource, List<String> elements) {
        JsonObject all = JsonParser.parseString(
                        ProfileSources.FHIR.newJsonParser().encodeResourceToString(resource))
                .getAsJsonObject();
        JsonObject kept = new JsonObject();
        for (String element : elements) {
            if (all.has(element)) {
                kept.add(element, normalise(all.get(element)));
            }
        }
        return kept;
    }

    private static JsonElement normalise(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject out = new JsonObject();
            element.getAsJsonObject().entrySet().stream()
                    .filter(e -> !DROPPED.contains(e.getKey()))
                    .forEach(e -> out.add(e.getKey(), normalise(e.getValue())));
            return out;
        }
        if (element.isJsonArray()) {
            List<JsonElement> items = new ArrayList<>();
            element.getAsJsonArray().forEach(i -> items.add(normalise(i)));
            items.sort((a, b) -> a.toString().compareTo(b.toString()));
            JsonArray out = new JsonArray();
            items.forEach(out::add);
            return out;
        }
        return element;
    }
}
