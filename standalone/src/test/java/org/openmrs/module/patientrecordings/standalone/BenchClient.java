/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/** The benches' requests to a standalone server on a loopback port, as the demo clinician. */
final class BenchClient {

    static final String CLINICIAN =
            "Basic " + Base64.getEncoder().encodeToString("clinician:Clinician123".getBytes(StandardCharsets.UTF_8));

    private final int port;
    private final HttpClient http = LoadDriver.newClient();

    BenchClient(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The demo adult's consent to recording (the README's example), so that recordings may start. */
    void giveConsent() throws Exception {
        HttpResponse<String> consent = send(HttpRequest.newBuilder(uri("/fhir/Consent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("consent-given.json"))));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    /** Starts a recording (the README's example, of the demo adult) and returns its id. */
    String startRecording() throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/fhir/Media"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("recording-start.json"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return started.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** The content upload of a recording, to which the caller adds headers and a body. */
    HttpRequest.Builder write(String id) {
        return HttpRequest.newBuilder(uri("/fhir/Media/" + id + "/$binary-access-write"));
    }

    /** Uploads the whole file in one POST to a new recording; returns the nanoseconds the POST took. */
    long onePost(Path source) throws Exception {
        String id = startRecording();
        long began = System.nanoTime();
        HttpResponse<String> done =
                send(write(id).header("Content-Type", "video/webm").POST(HttpRequest.BodyPublishers.ofFile(source)));
        long took = System.nanoTime() - began;
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return took;
    }

    /** Sends as the clinician, asking for FHIR JSON. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", CLINICIAN)
                        .header("Accept", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A file of {@code bytes} pseudo-random bytes (seeded: the same content every run). */
    static void writeRandom(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    /** Megabytes (10^6 bytes) per second. */
    static double rate(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }
}
