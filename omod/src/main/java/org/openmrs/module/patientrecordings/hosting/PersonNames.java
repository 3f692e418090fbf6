/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * People's names as the module shows them, put together from the parts the host keeps. OpenMRS' own {@code
 * PersonName.getFullName()} looks up a name layout first and logs a WARN on every call where the server has none
 * configured (a bare platform), so the adapter reads the parts and joins them here. Names are patient and staff data:
 * for notes and FHIR resources, never for logs.
 */
public final class PersonNames {

    private static final String ORGANIZATIONAL = "Organizational: ";
    private static final String APPLICATION = "Application: ";
    private static final List<String> EVERYONES = List.of("Authenticated", "Anonymous");

    private PersonNames() {}

    /**
     * The parts of a name as OpenMRS keeps them; any may be null or blank.
     *
     * @param prefix e.g. "Dr"
     * @param given given name
     * @param middle middle name
     * @param familyPrefix e.g. "van"
     * @param family family name
     * @param family2 a second family name
     * @param familySuffix e.g. "Jr"
     * @param degree e.g. "MD"
     */
    public record Parts(
            String prefix,
            String given,
            String middle,
            String familyPrefix,
            String family,
            String family2,
            String familySuffix,
            String degree) {}

    /**
     * Every part there is, in the order of a written name ("Dr Ada Byron King Jr MD").
     *
     * @return null when the name has no part at all
     */
    public static String display(Parts name) {
        Objects.requireNonNull(name, "name");
        String joined = Stream.of(
                        name.prefix(),
                        name.given(),
                        name.middle(),
                        name.familyPrefix(),
                        name.family(),
                        name.family2(),
                        name.familySuffix(),
                        name.degree())
                .filter(part -> part != null && !part.isBlank())
                .map(String::trim)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /**
     * A user as a note names them: the name, then the roles that say what they do. OpenMRS 3's job roles are its
     * "Organizational: ..." roles, shown without the prefix; without any, every role but the "Application: ..."
     * ones (what a user may do in the app, not who they are) and those everyone has.
     *
     * @param name the person's name, or null
     * @param fallback what names the user when they have no name (their username or id)
     */
    public static String user(String name, Collection<String> roles, String fallback) {
        String who = name == null || name.isBlank() ? fallback : name;
        List<String> organizational = roles.stream()
                .filter(r -> r.startsWith(ORGANIZATIONAL))
                .map(r -> r.substring(ORGANIZATIONAL.length()).trim())
                .filter(r -> !r.isEmpty())
                .sorted()
                .toList();
        List<String> shown = !organizational.isEmpty()
                ? organizational
                : roles.stream()
                        .filter(r -> !r.startsWith(APPLICATION) && !EVERYONES.contains(r))
                        .sorted()
                        .toList();
        return shown.isEmpty() ? who : who + " (" + String.join(", ", shown) + ")";
    }
}
