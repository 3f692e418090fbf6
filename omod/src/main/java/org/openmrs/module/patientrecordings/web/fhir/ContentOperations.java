/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * Raw content in and out of a Media, never as base64 JSON: HAPI hands these operations the servlet streams
 * ({@code manualRequest}, {@code manualResponse}). See {@link ContentUpload} and {@link ContentDownload}.
 */
public final class ContentOperations {

    private final ContentUpload upload;
    private final ContentDownload download;
    private final MediaViews views;

    ContentOperations(ContentUpload upload, ContentDownload download, MediaViews views) {
        this.upload = upload;
        this.download = download;
        this.views = views;
    }

    /**
     * {@code POST [base]/Media/{id}/$binary-access-write} with the raw bytes as body. Answers the Media (with its
     * content once complete) and {@code Upload-Offset}, the next byte the server expects.
     */
    @Operation(name = "$binary-access-write", typeName = "Media", manualRequest = true, idempotent = false)
    public Media write(
            @IdParam IdType id,
            @OperationParam(name = "path") StringType path,
            HttpServletRequest servletRequest,
            HttpServletResponse servletResponse,
            RequestDetails request)
            throws IOException {
        RecordingId recordingId = RecordingId.of(id.getIdPart());
        ContentUpload.Uploaded uploaded = upload.upload(recordingId, servletRequest);
        servletResponse.setHeader("Upload-Offset", Long.toString(uploaded.next()));
        return views.toFhir(uploaded.recording(), request.getFhirServerBase());
    }

    /** {@code GET [base]/Media/{id}/$binary-access-read}: the raw content, with Range support. */
    @Operation(name = "$binary-access-read", typeName = "Media", manualResponse = true, idempotent = true)
    public void read(
            @IdParam IdType id,
            @OperationParam(name = "path") StringType path,
            HttpServletRequest servletRequest,
            HttpServletResponse servletResponse)
            throws IOException {
        download.stream(RecordingId.of(id.getIdPart()), servletRequest, servletResponse);
    }
}
