/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Resource;
import org.openmrs.module.patientrecordings.disclosure.DisclosurePackage;
import org.openmrs.module.patientrecordings.fhir.AuditEventTranslator;
import org.openmrs.module.patientrecordings.fhir.ConsentTranslator;
import org.openmrs.module.patientrecordings.recording.RecordedContent;

/**
 * Streams a disclosure package (REC-6, REC-7): as a zip ({@code manifest.json} first, then {@code content/<id>} per
 * recording, decrypted and verified by the store as it is copied), or as a collection Bundle. Nothing of the package
 * is held whole in memory but its metadata.
 */
final class DisclosureWriter {

    private static final int BUFFER = 64 * 1024;

    private final FhirContext fhir;
    private final FhirServerDependencies services;
    private final MediaViews views;
    private final AuditEventTranslator audit;

    DisclosureWriter(FhirContext fhir, FhirServerDependencies services, MediaViews views, AuditEventTranslator audit) {
        this.fhir = fhir;
        this.services = services;
        this.views = views;
        this.audit = audit;
    }

    void write(DisclosurePackage pack, HttpServletRequest request, HttpServletResponse response, String base)
            throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/zip")) {
            zip(pack, response, base);
        } else {
            bundle(pack, response, base);
        }
    }

    private void bundle(DisclosurePackage pack, HttpServletResponse response, String base) throws IOException {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (DisclosurePackage.Item item : pack.items()) {
            add(bundle, views.toFhir(item.recording(), base));
            if (item.consent() != null) {
                add(bundle, ConsentTranslator.toFhir(item.consent()));
            }
            item.auditTrail().forEach(e -> add(bundle, audit.toFhir(e)));
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/fhir+json;charset=utf-8");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(bundle, out);
        out.flush();
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry()
                .setFullUrl(resource.fhirType() + "/" + resource.getIdPart())
                .setResource(resource);
    }

    private void zip(DisclosurePackage pack, HttpServletResponse response, String base) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        RawResponses.binaryContentType(response, "application/zip");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"disclosure-" + pack.disclosure().id() + ".zip\"");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            // Audio, video and images are compressed already: store them as they are, cheaply.
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest(pack, base).toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (DisclosurePackage.Item item : pack.items()) {
                RecordedContent content = item.recording().content();
                if (content != null) {
                    zip.putNextEntry(new ZipEntry(contentPath(item)));
                    try (InputStream in = services.content().open(content.key(), content.sha256())) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        }
    }

    private JsonObject manifest(DisclosurePackage pack, String base) {
        JsonObject manifest = new JsonObject();
        var d = pack.disclosure();
        JsonObject disclosure = new JsonObject();
        disclosure.addProperty("id", d.id());
        disclosure.addProperty("patient", "Patient/" + d.patient());
        disclosure.addProperty(
                "basis",
                d.authority() == null ? "SUBJECT_ACCESS" : d.authority().name());
        disclosure.addProperty("recipient", d.recipient());
        disclosure.addProperty("reference", d.reference());
        disclosure.addProperty("disclosedBy", d.disclosedBy().value());
        disclosure.addProperty("disclosedAt", d.disclosedAt().toString());
        manifest.add("disclosure", disclosure);
        JsonArray items = new JsonArray();
        for (DisclosurePackage.Item item : pack.items()) {
            JsonObject entry = new JsonObject();
            Media media = views.toFhir(item.recording(), base);
            entry.add("media", json(media));
            RecordedContent content = item.recording().content();
            if (content != null) {
                entry.addProperty("file", contentPath(item));
                entry.addProperty("contentType", content.contentType());
                entry.addProperty("size", content.size());
                entry.addProperty("sha256", content.sha256());
                entry.addProperty("sha1", content.sha1());
            }
            if (item.consent() != null) {
                JsonArray versions = new JsonArray();
                for (long v = 1;
                        v <= item.consent().version()
                                && v <= item.consent().history().size();
                        v++) {
                    versions.add(json(ConsentTranslator.toFhir(ConsentTranslator.asOfVersion(item.consent(), v))));
                }
                entry.add("consentHistory", versions);
            }
            JsonArray trail = new JsonArray();
            item.auditTrail().forEach(e -> trail.add(json(audit.toFhir(e))));
            entry.add("auditTrail", trail);
            items.add(entry);
        }
        manifest.add("recordings", items);
        JsonArray withheld = new JsonArray();
        for (DisclosurePackage.Withheld w : pack.withheld()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("recording", "Media/" + w.recording());
            JsonArray codes = new JsonArray();
            w.codes().forEach(codes::add);
            entry.add("codes", codes);
            withheld.add(entry);
        }
        manifest.add("withheld", withheld);
        return manifest;
    }

    private JsonObject json(Resource resource) {
        return JsonParser.parseString(fhir.newJsonParser().encodeResourceToString(resource))
                .getAsJsonObject();
    }

    private static String contentPath(DisclosurePackage.Item item) {
        return "content/" + item.recording().id();
    }
}
