/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Writes a FHIR NPM package: {@code package/package.json}, {@code package/.index.json}, one file per conformance
 * resource, and the examples with their own index under {@code package/example/}; then packs the folder as a
 * gzipped tarball, the form validators and IG tools load.
 */
public final class PackageWriter {

    private static final long FIXED_MODIFICATION_TIME = 0L;

    private final FhirContext fhir;
    private final PackageManifest manifest;

    public PackageWriter(FhirContext fhir, PackageManifest manifest) {
        this.fhir = fhir;
        this.manifest = manifest;
    }

    /**
     * Writes {@code package/} and {@code <name>-<version>.tgz} under the build folder, replacing earlier output.
     *
     * @return the tarball
     */
    public Path write(List<Resource> conformance, List<Resource> examples, Path buildFolder) throws IOException {
        Path root = buildFolder.resolve("package");
        Path folder = root.resolve("package");
        deleteRecursively(root);
        Files.createDirectories(folder.resolve("example"));
        Files.writeString(folder.resolve("package.json"), pretty(manifest.json()));
        writeResources(conformance, folder);
        writeResources(examples, folder.resolve("example"));
        Path tarball = buildFolder.resolve(manifest.name() + "-" + manifest.version() + ".tgz");
        tar(root, tarball);
        return tarball;
    }

    private void writeResources(List<Resource> resources, Path folder) throws IOException {
        IParser parser = fhir.newJsonParser().setPrettyPrint(true);
        JsonArray files = new JsonArray();
        for (Resource resource : resources) {
            String fileName = resource.fhirType() + "-" + resource.getIdPart() + ".json";
            Files.writeString(folder.resolve(fileName), parser.encodeResourceToString(resource));
            files.add(indexEntry(fileName, resource));
        }
        JsonObject index = new JsonObject();
        index.addProperty("index-version", 1);
        index.add("files", files);
        Files.writeString(folder.resolve(".index.json"), pretty(index));
    }

    private static JsonObject indexEntry(String fileName, Resource resource) {
        JsonObject entry = new JsonObject();
        entry.addProperty("filename", fileName);
        entry.addProperty("resourceType", resource.fhirType());
        entry.addProperty("id", resource.getIdPart());
        if (resource instanceof MetadataResource metadata) {
            entry.addProperty("url", metadata.getUrl());
            entry.addProperty("version", metadata.getVersion());
        }
        if (resource instanceof StructureDefinition sd) {
            entry.addProperty("kind", sd.getKind().toCode());
            entry.addProperty("type", sd.getType());
            entry.addProperty("derivation", sd.getDerivation().toCode());
        }
        if (resource instanceof CodeSystem cs) {
            entry.addProperty("content", cs.getContent().toCode());
        }
        return entry;
    }

    private static void tar(Path root, Path tarball) throws IOException {
        try (OutputStream file = Files.newOutputStream(tarball);
                GZIPOutputStream gzip = new GZIPOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name());
                Stream<Path> walk = Files.walk(root)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                TarArchiveEntry entry =
                        new TarArchiveEntry(root.relativize(path).toString().replace('\\', '/'));
                entry.setSize(Files.size(path));
                entry.setModTime(FIXED_MODIFICATION_TIME);
                tar.putArchiveEntry(entry);
                Files.copy(path, tar);
                tar.closeArchiveEntry();
            }
        }
    }

    private static String pretty(JsonObject json) {
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(json) + "\n";
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
