/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Generates the snapshot of every StructureDefinition from its differential, with HAPI against the R4 core
 * definitions of {@code hapi-fhir-validation-resources-r4}: no package registry is needed. Extensions are done
 * first, in a support chain of their own, so that the profiles that use them see their snapshots.
 */
public final class SnapshotGenerator {

    private final FhirContext fhir;

    public SnapshotGenerator(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * @return the resources in their original order, each StructureDefinition replaced by one with a snapshot
     * @throws IllegalStateException when a snapshot cannot be generated
     */
    public List<Resource> withSnapshots(List<Resource> resources) {
        List<Resource> result = new ArrayList<>(resources);
        generate(result, true);
        generate(result, false);
        return result;
    }

    private void generate(List<Resource> resources, boolean extensions) {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(fhir);
        resources.forEach(ours::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                ours,
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir));
        SnapshotGeneratingValidationSupport generator = new SnapshotGeneratingValidationSupport(fhir);
        ValidationSupportContext context = new ValidationSupportContext(chain);
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i) instanceof StructureDefinition sd && "Extension".equals(sd.getType()) == extensions) {
                resources.set(i, snapshotOf(generator, context, sd));
            }
        }
    }

    private static StructureDefinition snapshotOf(
            SnapshotGeneratingValidationSupport generator, ValidationSupportContext context, StructureDefinition sd) {
        StructureDefinition input = sd.copy();
        input.setSnapshot(null);
        StructureDefinition out =
                (StructureDefinition) generator.generateSnapshot(context, input, sd.getUrl(), null, sd.getName());
        if (out == null || out.getSnapshot().getElement().isEmpty()) {
            throw new IllegalStateException("no snapshot generated for " + sd.getUrl());
        }
        List<String> lost = lostConstraints(sd, out);
        if (!lost.isEmpty()) {
            throw new IllegalStateException("the snapshot of " + sd.getUrl()
                    + " lost differential elements (are they in the base's order?): " + lost);
        }
        return out;
    }

    /**
     * The generator skips, rather than rejects, differential elements it cannot place (typically ones out of the
     * base's element order); this finds them: elements missing from the snapshot, or whose fixed or pattern value
     * did not arrive.
     */
    static List<String> lostConstraints(StructureDefinition differential, StructureDefinition withSnapshot) {
        Map<String, ElementDefinition> snapshot = new HashMap<>();
        withSnapshot.getSnapshot().getElement().forEach(e -> snapshot.put(e.getId(), e));
        List<String> lost = new ArrayList<>();
        for (ElementDefinition element : differential.getDifferential().getElement()) {
            ElementDefinition generated = snapshot.get(element.getId());
            if (generated == null
                    || (element.hasFixed() && !generated.hasFixed())
                    || (element.hasPattern() && !generated.hasPattern())) {
                lost.add(element.getId());
            }
        }
        return lost;
    }
}
