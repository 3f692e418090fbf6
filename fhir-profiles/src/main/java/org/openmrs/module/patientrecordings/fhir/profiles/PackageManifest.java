/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The package's {@code package.json}: read from the sources, where everything but the version is written by hand,
 * and completed with the version the build gives.
 *
 * @param json the manifest with its version set, never null
 */
public record PackageManifest(JsonObject json) {

    public PackageManifest {
        Objects.requireNonNull(json, "json");
        for (String required : new String[] {"name", "version", "canonical", "fhirVersions", "dependencies"}) {
            if (!json.has(required)) {
                throw new IllegalArgumentException("package.json lacks " + required);
            }
        }
    }

    /** Reads the hand-written manifest and sets its version. */
    public static PackageManifest read(Path file, String version) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        json.addProperty("version", Objects.requireNonNull(version, "version"));
        return new PackageManifest(json);
    }

    public String name() {
        return json.get("name").getAsString();
    }

    public String version() {
        return json.get("version").getAsString();
    }

    /** @return the canonical base every resource URL of the package starts with */
    public String canonical() {
        return json.get("canonical").getAsString();
    }

    /** Gives a conformance resource the package version, so that {@code url|version} names what was published. */
    public void stampVersion(Resource resource) {
        if (resource instanceof MetadataResource metadata) {
            metadata.setVersion(version());
        }
    }
}
