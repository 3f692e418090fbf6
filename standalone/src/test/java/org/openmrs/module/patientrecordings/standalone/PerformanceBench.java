/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The performance benchmark (issue 14): figures, never assertions on time. Run by {@code ./mvnw -B -Pbench -pl
 * standalone -am verify} (or alone with {@code -Dit.test=PerformanceBench}); writes {@code target/bench/report.md}
 * and {@code target/bench/report.json}, each figure with the baseline measured in the same run beside it:
 *
 * <ul>
 *   <li>B1 ingest: one POST, 2,000,000-byte and 8 MiB chunks, against a raw copy of the same file with fsync;
 *   <li>B2 download of the whole content, and the time to the first byte of a Range read;
 *   <li>reads under load: {@code GET Media/{id}} and {@code Media?patient=…&_count=20} at 16 connections, against
 *       {@code GET /fhir/metadata} (no authentication, no database) at 16 connections.
 * </ul>
 *
 * Sizes and durations: {@code -Dbench.bytes} (default 256 MiB) and {@code -Dbench.seconds} per load phase (default 10).
 */
class PerformanceBench {

    private static final long BYTES = Long.getLong("bench.bytes", 256L * 1024 * 1024);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CONNECTIONS = 16;
    private static final String CLINICIAN =
            "Basic " + Base64.getEncoder().encodeToString("clinician:Clinician123".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();

    @Test
    void measuresIngestDownloadAndReadsUnderLoad(@TempDir Path data, @TempDir Path scratch) throws Exception {
        Path source = scratch.resolve("content.bin");
        writeRandom(source, BYTES);
        line("# Patient Recordings benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "; standalone server, H2, filesystem store in " + data + ".");
        line("Content: " + BYTES + " random bytes. Each figure has the baseline measured in this same run beside it.");
        line("");
        try (StandaloneApplication server = StandaloneServerContract.start(data, List.of())) {
            giveConsent(server);

            line("## B1 ingest");
            line("");
            line("| what | MB/s | same-run baseline | ratio |");
            line("|---|---|---|---|");
            double raw = rawCopy(source, scratch.resolve("copy.bin"));
            double cold = onePost(server, source);
            double warm = onePost(server, source);
            double chunks2mb = chunked(server, source, 2_000_000);
            double chunks8mib = chunked(server, source, 8L * 1024 * 1024);
            row("B1.rawCopyFsync", "raw copy with fsync", raw, "—", Double.NaN);
            row("B1.onePostFirst", "one POST, first after start", cold, "one POST warm " + mb(warm), cold / warm);
            row("B1.onePost", "one POST (warm)", warm, "raw copy " + mb(raw), warm / raw);
            row("B1.chunks2000000", "2,000,000-byte chunks", chunks2mb, "one POST " + mb(warm), chunks2mb / warm);
            row("B1.chunks8MiB", "8 MiB chunks", chunks8mib, "one POST " + mb(warm), chunks8mib / warm);
            line("");

            String id = sealedRecording(server, source);
            line("## B2 download");
            line("");
            double download = download(server, id);
            double ttfb = rangeTtfbMillis(server, id);
            line("| what | figure | same-run baseline |");
            line("|---|---|---|");
            line("| download, whole | " + mb(download) + " MB/s | raw copy " + mb(raw) + " MB/s |");
            line("| Range bytes=0-1023, time to first byte (median of 50) | " + fmt(ttfb) + " ms | — |");
            results.put("B2.downloadMBps", download);
            results.put("B2.rangeTtfbMs", ttfb);
            line("");

            line("## Reads under load (" + CONNECTIONS + " connections, " + SECONDS + " s each)");
            line("");
            line("| what | req/s | p50 ms | p99 ms | errors | % of metadata's req/s |");
            line("|---|---|---|---|---|---|");
            Load metadata = load(server, "/fhir/metadata", null);
            Load media = load(server, "/fhir/Media/" + id, CLINICIAN);
            Load search = load(server, "/fhir/Media?patient=" + DemoData.ADULT.value() + "&_count=20", CLINICIAN);
            loadRow("load.metadata", "GET /fhir/metadata (baseline)", metadata, metadata);
            loadRow("load.media", "GET Media/{id}", media, metadata);
            loadRow("load.search", "GET Media?patient=…&_count=20", search, metadata);
        }
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), String.join("\n", lines) + "\n");
        Files.writeString(out.resolve("report.json"), json(results));
        assertThat(out.resolve("report.md")).isNotEmptyFile();
    }

    private double rawCopy(Path source, Path target) throws IOException {
        long began = System.nanoTime();
        try (InputStream in = Files.newInputStream(source);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[1024 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        }
        double rate = rate(Files.size(source), System.nanoTime() - began);
        Files.delete(target);
        return rate;
    }

    private double onePost(StandaloneApplication server, Path source) throws Exception {
        String id = startRecording(server);
        long began = System.nanoTime();
        HttpResponse<String> done = send(
                server,
                write(server, id).header("Content-Type", "video/webm").POST(HttpRequest.BodyPublishers.ofFile(source)));
        long took = System.nanoTime() - began;
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return rate(BYTES, took);
    }

    private double chunked(StandaloneApplication server, Path source, long chunkSize) throws Exception {
        String id = startRecording(server);
        long began = System.nanoTime();
        try (FileChannel in = FileChannel.open(source)) {
            for (long from = 0; from < BYTES; from += chunkSize) {
                int length = (int) Math.min(chunkSize, BYTES - from);
                ByteBuffer chunk = ByteBuffer.allocate(length);
                in.read(chunk, from);
                boolean last = from + length == BYTES;
                HttpResponse<String> done = send(
                        server,
                        write(server, id)
                                .header("Content-Type", "video/webm")
                                .header(
                                        "Content-Range",
                                        "bytes " + from + "-" + (from + length - 1) + "/"
                                                + (last ? Long.toString(BYTES) : "*"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk.array())));
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            }
        }
        return rate(BYTES, System.nanoTime() - began);
    }

    private String sealedRecording(StandaloneApplication server, Path source) throws Exception {
        String id = startRecording(server);
        HttpResponse<String> done = send(
                server,
                write(server, id).header("Content-Type", "video/webm").POST(HttpRequest.BodyPublishers.ofFile(source)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        HttpResponse<String> completed = send(
                server,
                HttpRequest.newBuilder(uri(server, "/fhir/Media/" + id + "/$complete"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        return id;
    }

    private double download(StandaloneApplication server, String id) throws Exception {
        long began = System.nanoTime();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri(server, "/fhir/Media/" + id + "/$binary-access-read"))
                        .header("Authorization", CLINICIAN)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long size;
        try (InputStream body = response.body()) {
            size = body.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(size).isEqualTo(BYTES);
        return rate(size, System.nanoTime() - began);
    }

    private double rangeTtfbMillis(StandaloneApplication server, String id) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long began = System.nanoTime();
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(uri(server, "/fhir/Binary/" + id + "-content"))
                            .header("Authorization", CLINICIAN)
                            .header("Range", "bytes=0-1023")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.read();
                long firstByte = System.nanoTime() - began;
                body.transferTo(OutputStream.nullOutputStream());
                assertThat(response.statusCode()).isEqualTo(206);
                if (i >= 10) {
                    times.add(firstByte);
                }
            }
        }
        return percentile(times, 50) / 1e6;
    }

    private record Load(double perSecond, double p50Millis, double p99Millis, long errors) {}

    private Load load(StandaloneApplication server, String path, String authorization) throws Exception {
        URI target = uri(server, path);
        // A short warm-up at the same concurrency, not counted.
        run(target, authorization, 2);
        return run(target, authorization, SECONDS);
    }

    private Load run(URI target, String authorization, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> workers = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < CONNECTIONS; c++) {
            workers.add(pool.submit(() -> {
                HttpClient own = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Long> times = new ArrayList<>();
                long errors = 0;
                while (System.nanoTime() < end) {
                    HttpRequest.Builder request =
                            HttpRequest.newBuilder(target).header("Accept", "application/fhir+json");
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = own.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    times.add(System.nanoTime() - start);
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                }
                long[] all = new long[times.size() + 1];
                all[0] = errors;
                for (int i = 0; i < times.size(); i++) {
                    all[i + 1] = times.get(i);
                }
                return all;
            }));
        }
        List<Long> times = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> worker : workers) {
            long[] all = worker.get();
            errors += all[0];
            for (int i = 1; i < all.length; i++) {
                times.add(all[i]);
            }
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        return new Load(times.size() / elapsed, percentile(times, 50) / 1e6, percentile(times, 99) / 1e6, errors);
    }

    private void giveConsent(StandaloneApplication server) throws Exception {
        HttpResponse<String> consent = send(
                server,
                HttpRequest.newBuilder(uri(server, "/fhir/Consent"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(
                                StandaloneServerContract.example("consent-given.json"))));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    private String startRecording(StandaloneApplication server) throws Exception {
        HttpResponse<String> started = send(
                server,
                HttpRequest.newBuilder(uri(server, "/fhir/Media"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(
                                StandaloneServerContract.example("recording-start.json"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return started.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private HttpRequest.Builder write(StandaloneApplication server, String id) {
        return HttpRequest.newBuilder(uri(server, "/fhir/Media/" + id + "/$binary-access-write"));
    }

    private HttpResponse<String> send(StandaloneApplication server, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", CLINICIAN)
                        .header("Accept", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(StandaloneApplication server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private void row(String key, String what, double value, String baseline, double ratio) {
        results.put(key + ".MBps", value);
        if (!Double.isNaN(ratio)) {
            results.put(key + ".ratio", ratio);
        }
        line("| " + what + " | " + mb(value) + " | " + baseline + " | "
                + (Double.isNaN(ratio) ? "—" : fmt(100 * ratio) + " %") + " |");
    }

    private void loadRow(String key, String what, Load load, Load baseline) {
        results.put(key + ".perSecond", load.perSecond());
        results.put(key + ".p50Ms", load.p50Millis());
        results.put(key + ".p99Ms", load.p99Millis());
        results.put(key + ".errors", load.errors());
        results.put(key + ".ofMetadata", load.perSecond() / baseline.perSecond());
        line("| " + what + " | " + fmt(load.perSecond()) + " | " + fmt(load.p50Millis()) + " | "
                + fmt(load.p99Millis()) + " | " + load.errors() + " | "
                + fmt(100 * load.perSecond() / baseline.perSecond()) + " % |");
    }

    private void line(String text) {
        lines.add(text);
    }

    private static double rate(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static double percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String mb(double value) {
        return fmt(value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String json(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
            out.append("  \"").append(entry.getKey()).append("\": ").append(text);
            out.append(++i < values.size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }
}
