/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the FHIR NPM package from the hand-written sources: reads {@code package.json}, the conformance resources
 * and the examples, generates snapshots with HAPI, and writes the package folder and tarball. Run by the Maven build
 * at {@code process-classes}; a failure of any step fails the build.
 */
public final class PackageBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PackageBuilder.class);

    private PackageBuilder() {}

    /**
     * @param args the sources folder (holding {@code package.json}, {@code resources/} and {@code examples/}), the
     *     build folder ({@code target}) and the package version
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("expected: <sources folder> <build folder> <package version>");
        }
        Path built = build(Path.of(args[0]), Path.of(args[1]), args[2]);
        LOG.info("FHIR package written to {}", built);
    }

    /**
     * Builds the package and copies its tarball to {@code classes/fhir/<name>.tgz} under the build folder, so that the
     * jar carries it for {@link PatientRecordingsPackage}.
     *
     * @return the tarball written under the build folder
     */
    public static Path build(Path sources, Path buildFolder, String version) throws IOException {
        FhirContext fhir = FhirContext.forR4Cached();
        PackageManifest manifest = PackageManifest.read(sources.resolve("package.json"), version);
        ConformanceSources read = ConformanceSources.load(fhir, sources, manifest.canonical());
        read.conformance().forEach(resource -> manifest.stampVersion(resource));
        List<Resource> withSnapshots = new SnapshotGenerator(fhir).withSnapshots(read.conformance());
        Path tarball = new PackageWriter(fhir, manifest).write(withSnapshots, read.examples(), buildFolder);
        Path onClasspath = buildFolder.resolve("classes").resolve(PatientRecordingsPackage.CLASSPATH_FOLDER);
        Files.createDirectories(onClasspath);
        Files.copy(tarball, onClasspath.resolve(manifest.name() + ".tgz"), StandardCopyOption.REPLACE_EXISTING);
        return tarball;
    }
}
