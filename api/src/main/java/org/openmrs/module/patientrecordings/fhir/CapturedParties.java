/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.CapturedParty.Role;

/**
 * STF-2: the third-party-captured extension, one per other person a recording captures: who they are ({@code role}),
 * a reference to them when identified (its type following the role) or a display-only reference describing them,
 * and whether they consented ({@code consented}).
 */
final class CapturedParties {

    private static final String LOCATION = "Media.extension:thirdPartyCaptured";
    private static final Map<Role, String> TYPES =
            Map.of(Role.PATIENT, "Patient", Role.STAFF, "Practitioner", Role.VISITOR, "RelatedPerson");

    private CapturedParties() {}

    static void write(CapturedParty p, Media m) {
        Extension party = m.addExtension().setUrl(FhirUrls.EXT_THIRD_PARTY_CAPTURED);
        Reference who = new Reference();
        if (p.id() != null && p.role() != null) {
            who.setReference(TYPES.get(p.role()) + "/" + p.id());
        }
        who.setDisplay(p.name() != null ? p.name() : p.id());
        party.addExtension("party", who);
        if (p.role() != null) {
            party.addExtension(
                    "role",
                    Refs.coding(FhirUrls.CS_CAPTURED_PARTY_ROLE, p.role().name()));
        }
        party.addExtension("consented", new BooleanType(p.consented()));
    }

    /**
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 when a party is neither
     *     referenced nor described, its role contradicts its reference, or its consent is not stated
     */
    static List<CapturedParty> read(Media m) {
        List<CapturedParty> parties = new ArrayList<>();
        for (Extension e : m.getExtensionsByUrl(FhirUrls.EXT_THIRD_PARTY_CAPTURED)) {
            Reference who = Refs.part(e, "party", Reference.class)
                    .orElseThrow(() -> Refs.invalid(LOCATION, "name who was captured (party)"));
            Role stated = Refs.part(e, "role", Coding.class)
                    .map(c -> Refs.enumOf(c, FhirUrls.CS_CAPTURED_PARTY_ROLE, Role::valueOf, LOCATION + ".role"))
                    .orElse(null);
            boolean consented = Refs.part(e, "consented", BooleanType.class)
                    .map(BooleanType::booleanValue)
                    .orElseThrow(() -> Refs.invalid(LOCATION, "say whether each party consented (consented)"));
            String id = null;
            Role role = stated;
            if (who.hasReference()) {
                String type = who.getReferenceElement().getResourceType();
                Role referenced = roleOf(type);
                if (referenced == null || (stated != null && stated != referenced)) {
                    throw Refs.invalid(
                            LOCATION + ".party",
                            "a " + (stated == null ? "party" : stated.name().toLowerCase(Locale.ROOT))
                                    + " captured is not a " + type);
                }
                role = referenced;
                id = who.getReferenceElement().getIdPart();
            }
            String name = who.hasDisplay()
                            && !who.getDisplay().isBlank()
                            && !who.getDisplay().equals(id)
                    ? who.getDisplay()
                    : null;
            if ((id == null || id.isBlank()) && name == null) {
                throw Refs.invalid(LOCATION + ".party", "identify or describe who was captured");
            }
            parties.add(new CapturedParty(role, id, name, consented));
        }
        return parties;
    }

    private static Role roleOf(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Patient" -> Role.PATIENT;
            case "Practitioner", "PractitionerRole" -> Role.STAFF;
            case "RelatedPerson" -> Role.VISITOR;
            default -> null;
        };
    }
}
