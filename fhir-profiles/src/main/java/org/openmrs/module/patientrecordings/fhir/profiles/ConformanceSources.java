/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The hand-written sources: conformance resources under {@code resources/} and examples under {@code examples/},
 * one JSON file each, named {@code <ResourceType>-<id>.json}.
 *
 * @param conformance profiles, extensions, terminology, search parameters, operations and the capability statement
 * @param examples instances that illustrate the profiles
 */
public record ConformanceSources(List<Resource> conformance, List<Resource> examples) {

    public ConformanceSources {
        conformance = List.copyOf(conformance);
        examples = List.copyOf(examples);
    }

    /**
     * Parses every source and checks the conventions the package relies on: file name matches type and id, and
     * every canonical URL is {@code <canonical>/<ResourceType>/<id>}.
     *
     * @throws IllegalStateException listing every source that breaks a convention
     */
    public static ConformanceSources load(FhirContext fhir, Path sources, String canonical) throws IOException {
        IParser parser = fhir.newJsonParser();
        List<String> problems = new ArrayList<>();
        List<Resource> conformance = parseAll(parser, sources.resolve("resources"), problems);
        List<Resource> examples = parseAll(parser, sources.resolve("examples"), problems);
        for (Resource resource : conformance) {
            if (!(resource instanceof MetadataResource metadata)) {
                problems.add(resource.fhirType() + "/" + resource.getIdPart() + " is not a conformance resource");
            } else if (!metadata.getUrl().equals(canonical + "/" + resource.fhirType() + "/" + resource.getIdPart())) {
                problems.add(resource.fhirType() + "/" + resource.getIdPart() + " has url " + metadata.getUrl());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("FHIR sources break the package conventions: " + problems);
        }
        return new ConformanceSources(conformance, examples);
    }

    private static List<Resource> parseAll(IParser parser, Path folder, List<String> problems) throws IOException {
        List<Resource> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Resource resource = (Resource) parser.parseResource(Files.readString(file));
                String expected = resource.fhirType() + "-" + resource.getIdPart() + ".json";
                if (!file.getFileName().toString().equals(expected)) {
                    problems.add(file.getFileName() + " should be named " + expected);
                }
                parsed.add(resource);
            }
        }
        return parsed;
    }
}
