/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.LoadDriver.Load;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;

/**
 * The performance benchmark (issue 14): figures, never assertions on time. Run by {@code ./mvnw -B -Pbench -pl
 * standalone -am verify} (or alone with {@code -Dit.test=PerformanceBench}); writes {@code target/bench/report.md}
 * and {@code target/bench/report.json}, each figure with the baseline measured in the same run beside it. The server
 * is the runnable jar in a JVM of its own with the JVM's defaults ({@link ServerProcess}), as an installation runs it,
 * so that its JIT, heap and garbage collector are not shared with the bench's client:
 *
 * <ul>
 *   <li>B1 ingest: one POST, 2,000,000-byte and 8 MiB chunks, against a raw copy of the same file with fsync, and the
 *       chunks also against a raw copy in files of their size, each fsynced;
 *   <li>B2 download of the whole content, and the time to the first byte of a Range read;
 *   <li>reads under load: {@code GET Media/{id}} and {@code Media?patient=…&_count=20} at 16 connections, against
 *       {@code GET /fhir/metadata} (no authentication, no database) at 16 connections; with {@code wrk} when it is
 *       installed ({@link Wrk}), otherwise with the Java load driver.
 * </ul>
 *
 * Sizes and durations: {@code -Dbench.bytes} (default 256 MiB), {@code -Dbench.seconds} per load phase (default 10),
 * {@code -Dbench.warmUpSeconds} before the loads (default 120) and {@code -Dbench.ingestWarmUpSeconds} of chunked
 * uploads before the warm ingest figures (default 60; up to three times that while the JIT still compiles).
 * Its figures are one part of the report ({@link BenchReport}); {@link SearchScalingBench} (B3), {@link
 * RulesAndAuditBench} (B4) and {@link ColdStartBench} (B6) write the others.
 */
class PerformanceBench {

    private static final long BYTES = Long.getLong("bench.bytes", 256L * 1024 * 1024);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CONNECTIONS = 16;
    private static final int ROUNDS = 3;
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 120);
    private static final int INGEST_WARM_UP_SECONDS = Integer.getInteger("bench.ingestWarmUpSeconds", 60);
    private static final long WARM_UP_BYTES = 256L * 1024 * 1024;
    private static final long SMALL_WARM_UP_BYTES = 32L * 1024 * 1024;
    /** The share of a warm-up turn the JIT may spend compiling for the ingest figures to count as warm. */
    private static final double JIT_QUIET_SHARE = 0.10;
    /** Range reads before the warm time to first byte is measured. */
    private static final int RANGE_WARM_UP = 3000;
    /** The warm-up's turn of one POST, in place of a chunk size. */
    private static final long ONE_POST = 0;
    /** Below the server's default upload limit of 8 GiB. */
    private static final long WARM_UP_LIMIT = 6L * 1024 * 1024 * 1024;

    private static final String CLINICIAN = BenchClient.CLINICIAN;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BenchReport report = new BenchReport("b1-b2-ingest-download-reads");
    private final Map<Integer, BenchClient> clients = new HashMap<>();

    @Test
    void measuresIngestDownloadAndReadsUnderLoad(@TempDir Path data, @TempDir Path scratch) throws Exception {
        Path source = scratch.resolve("content.bin");
        writeRandom(source, BYTES);
        line("## Ingest, download and reads under load (PerformanceBench)");
        line("");
        line("Machine: " + BenchReport.machine() + "; the standalone server's runnable jar in a JVM of its own with"
                + " the JVM's defaults (as `java -jar` runs it), H2, filesystem store in " + data + ".");
        line("Content: " + BYTES + " random bytes. Each figure has the baseline measured in this same run beside it.");
        line("");
        ServerProcess server = ServerProcess.start(List.of(), data, List.of(), scratch.resolve("server.log"));
        try {
            // As an installation's first upload finds it: after the start-up's crypto warm-up (ColdStartBench, B6,
            // measures the first upload during it too).
            server.awaitInLog("event=crypto_warmed_up");
            giveConsent(server);

            line("### B1 ingest");
            line("");
            line("| what | MB/s | same-run baseline | ratio |");
            line("|---|---|---|---|");
            double raw = rawCopy(source, scratch.resolve("copy.bin"));
            double raw2mb = rawChunkedCopy(source, scratch.resolve("copy-2000000"), 2_000_000);
            double raw8mib = rawChunkedCopy(source, scratch.resolve("copy-8MiB"), 8L * 1024 * 1024);
            double cold = onePost(server, source);
            Path warmUpSource = scratch.resolve("warm-up.bin");
            writeRandom(warmUpSource, Math.min(WARM_UP_BYTES, BYTES));
            WarmUp warmUp = warmUpIngest(server, source, warmUpSource);
            double jitBefore = server.jitSeconds();
            double warm = onePost(server, source);
            double jitOnePost = server.jitSeconds() - jitBefore;
            double chunks2mb = chunked(server, source, 2_000_000, BYTES);
            double jit2mb = server.jitSeconds() - jitBefore - jitOnePost;
            double chunks8mib = chunked(server, source, 8L * 1024 * 1024, BYTES);
            double jit8mib = server.jitSeconds() - jitBefore - jitOnePost - jit2mb;
            row("B1.rawCopyFsync", "raw copy with fsync", raw, "—", Double.NaN);
            row(
                    "B1.onePostFirst",
                    "one POST, first after start (after the start-up warm-up)",
                    cold,
                    "one POST warm " + mb(warm),
                    cold / warm);
            row("B1.onePost", "one POST (warm)", warm, "raw copy " + mb(raw), warm / raw);
            row("B1.chunks2000000", "2,000,000-byte chunks", chunks2mb, "one POST " + mb(warm), chunks2mb / warm);
            row("B1.chunks8MiB", "8 MiB chunks", chunks8mib, "one POST " + mb(warm), chunks8mib / warm);
            row("B1.rawChunks2000000", "raw copy in 2,000,000-byte files, each fsynced", raw2mb, "—", Double.NaN);
            row("B1.rawChunks8MiB", "raw copy in 8 MiB files, each fsynced", raw8mib, "—", Double.NaN);
            row(
                    "B1.chunks2000000OfRaw",
                    "2,000,000-byte chunks, against the raw copy in files of their size",
                    chunks2mb,
                    "raw copy in 2,000,000-byte files " + mb(raw2mb),
                    chunks2mb / raw2mb);
            row(
                    "B1.chunks8MiBOfRaw",
                    "8 MiB chunks, against the raw copy in files of their size",
                    chunks8mib,
                    "raw copy in 8 MiB files " + mb(raw8mib),
                    chunks8mib / raw8mib);
            line("");
            line("A chunk is answered only once it is on disk (its object forced, renamed into place and its directory"
                    + " forced, then its row committed), so the client sends the next one only after that: the raw"
                    + " copy in files of the chunks' size, each written, forced and its directory forced one after"
                    + " another, is what the disk allows chunks of that size before any encryption, hashing or"
                    + " database work.");
            line("");
            line("Before the warm figures, the server was warmed up for " + fmt(warmUp.seconds()) + " s (at least "
                    + INGEST_WARM_UP_SECONDS + ", and on while the JIT compiled more than " + fmt(100 * JIT_QUIET_SHARE)
                    + " % of the time, up to " + 3 * INGEST_WARM_UP_SECONDS + ") by chunks of 65,536 bytes ("
                    + Math.min(SMALL_WARM_UP_BYTES, BYTES) + " bytes of them), 2,000,000 bytes and 8 MiB ("
                    + Math.min(WARM_UP_BYTES, BYTES) + " bytes of each) in turn, to a recording left in progress;"
                    + " then one POST of " + Math.min(WARM_UP_BYTES, BYTES) + " bytes to a recording of its own;"
                    + " in the last turn the JIT compiled " + fmt(100 * warmUp.lastJitShare()) + " % of the time."
                    + " Their rates in MB/s, in order (the first ones show the server cold): "
                    + String.join(", ", warmUp.rates()) + ".");
            line("");
            line("Time the server's JIT spent compiling (all its compiler threads)"
                    + " during the warm one POST: " + fmt(jitOnePost) + " s; the 2,000,000-byte chunks: " + fmt(jit2mb)
                    + " s; the 8 MiB chunks: " + fmt(jit8mib) + " s.");
            line("");

            String id = sealedRecording(server, source);
            line("### B2 download");
            line("");
            double download = download(server, id);
            double firstTtfb = rangeTtfbMillis(server, id, 10);
            double ttfb = rangeTtfbMillis(server, id, RANGE_WARM_UP);
            line("| what | figure | same-run baseline |");
            line("|---|---|---|");
            line("| download, whole (median of 3) | " + mb(download) + " MB/s | raw copy " + mb(raw) + " MB/s |");
            line("| Range bytes=0-1023, time to first byte (median of 50), the server's first Range reads (after 10) | "
                    + fmt(firstTtfb) + " ms | — |");
            line("| Range bytes=0-1023, time to first byte (median of 50), after " + RANGE_WARM_UP + " Range reads | "
                    + fmt(ttfb) + " ms | — |");
            report.put("B2.downloadMBps", download);
            report.put("B2.rangeTtfbFirstMs", firstTtfb);
            report.put("B2.rangeTtfbMs", ttfb);
            line("");

            readsUnderLoad(server, id);
        } finally {
            server.kill();
        }
        line("");
        line("Load average after the run: " + BenchReport.loadAverage() + ".");
        assertThat(report.publish()).isNotEmptyFile();
    }

    /**
     * The reads at {@link #CONNECTIONS} connections against {@code /fhir/metadata}: with {@code wrk} when it is
     * installed (a load generator outside the server's JVM), after a warm-up of every request, in {@link #ROUNDS}
     * rounds of metadata, read and search one after another, reported round by round and as the round with the
     * median share of metadata's rate; otherwise with the Java load driver in this JVM, once.
     */
    private void readsUnderLoad(ServerProcess server, String id) throws Exception {
        URI metadataUri = uri(server, "/fhir/metadata");
        URI mediaUri = uri(server, "/fhir/Media/" + id);
        URI searchUri = uri(server, "/fhir/Media?patient=" + DemoData.ADULT.value() + "&_count=20");
        boolean wrk = Wrk.available();
        line("### Reads under load (" + CONNECTIONS + " connections, " + SECONDS + " s each)");
        line("");
        if (!wrk) {
            line("Load generator: the Java load driver in the bench's JVM (`wrk` is not installed; `apt-get install"
                    + " wrk` for the figures of a load generator outside the server's JVM).");
            line("");
            line("| what | req/s | p50 ms | p99 ms | errors | % of metadata's req/s |");
            line("|---|---|---|---|---|---|");
            Load metadata = load(metadataUri, null);
            Load media = load(mediaUri, CLINICIAN);
            Load search = load(searchUri, CLINICIAN);
            loadRow("load.metadata", "GET /fhir/metadata (baseline)", metadata, metadata);
            loadRow("load.media", "GET Media/{id}", media, metadata);
            loadRow("load.search", "GET Media?patient=…&_count=20", search, metadata);
            return;
        }
        line("Load generator: `wrk` (2 threads, keep-alive), each request warmed up for " + WARM_UP_SECONDS
                + " s first, then " + ROUNDS + " rounds of metadata, read and search one after another.");
        line("");
        for (int i = 0; i < 2; i++) {
            Wrk.run(metadataUri, null, CONNECTIONS, WARM_UP_SECONDS / 2);
            Wrk.run(mediaUri, CLINICIAN, CONNECTIONS, WARM_UP_SECONDS / 2);
            Wrk.run(searchUri, CLINICIAN, CONNECTIONS, WARM_UP_SECONDS / 2);
        }
        List<Load[]> rounds = new ArrayList<>();
        line("| round | metadata req/s | Media/{id} req/s (p50 / p99 ms) | % of metadata | search req/s (p50 / p99 ms)"
                + " | % of metadata |");
        line("|---|---|---|---|---|---|");
        for (int round = 1; round <= ROUNDS; round++) {
            Load metadata = Wrk.run(metadataUri, null, CONNECTIONS, SECONDS);
            Load media = Wrk.run(mediaUri, CLINICIAN, CONNECTIONS, SECONDS);
            Load search = Wrk.run(searchUri, CLINICIAN, CONNECTIONS, SECONDS);
            rounds.add(new Load[] {metadata, media, search});
            line("| " + round + " | " + fmt(metadata.perSecond()) + " | " + fmt(media.perSecond()) + " ("
                    + fmt(media.p50Millis()) + " / " + fmt(media.p99Millis()) + ") | "
                    + fmt(100 * media.perSecond() / metadata.perSecond()) + " % | " + fmt(search.perSecond()) + " ("
                    + fmt(search.p50Millis()) + " / " + fmt(search.p99Millis()) + ") | "
                    + fmt(100 * search.perSecond() / metadata.perSecond()) + " % |");
        }
        line("");
        line("The round with the median share of metadata's rate for the read, and for the search:");
        line("");
        line("| what | req/s | p50 ms | p99 ms | errors | % of metadata's req/s |");
        line("|---|---|---|---|---|---|");
        Load[] forRead = medianRound(rounds, 1);
        Load[] forSearch = medianRound(rounds, 2);
        loadRow("load.metadata", "GET /fhir/metadata (baseline)", forRead[0], forRead[0]);
        loadRow("load.media", "GET Media/{id}", forRead[1], forRead[0]);
        loadRow("load.search", "GET Media?patient=…&_count=20", forSearch[2], forSearch[0]);
    }

    private static Load[] medianRound(List<Load[]> rounds, int which) {
        List<Load[]> byShare = new ArrayList<>(rounds);
        byShare.sort(Comparator.comparingDouble(r -> r[which].perSecond() / r[0].perSecond()));
        return byShare.get(byShare.size() / 2);
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

    /**
     * Copies {@code source} into files of {@code chunkSize} bytes in a new directory, one after another, each written,
     * forced and its directory forced before the next begins: what a durable acknowledgement of each chunk costs on
     * this disk, with none of the server's work. Returns the rate in MB/s and deletes the copies.
     */
    private double rawChunkedCopy(Path source, Path directory, long chunkSize) throws IOException {
        Files.createDirectory(directory);
        long size = Files.size(source);
        ByteBuffer buffer = ByteBuffer.allocate((int) chunkSize);
        long began = System.nanoTime();
        try (FileChannel in = FileChannel.open(source)) {
            for (long from = 0, part = 0; from < size; from += chunkSize, part++) {
                buffer.clear().limit((int) Math.min(chunkSize, size - from));
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, from + buffer.position()) < 0) {
                        throw new IOException(source + " ended early");
                    }
                }
                buffer.flip();
                try (FileChannel out = FileChannel.open(
                        directory.resolve("part-" + part), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
                DurableFiles.fsyncDirectory(directory);
            }
        }
        double rate = rate(size, System.nanoTime() - began);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
        return rate;
    }

    private double onePost(ServerProcess server, Path source) throws Exception {
        return rate(BYTES, client(server).onePost(source));
    }

    /**
     * Turns of uploads: chunks of 65,536 bytes ({@link #SMALL_WARM_UP_BYTES} of them), then 2,000,000-byte and 8 MiB
     * chunks ({@link #WARM_UP_BYTES} of each), then one POST of {@link #WARM_UP_BYTES}, for at least {@link
     * #INGEST_WARM_UP_SECONDS} and on, up to three times that, while the JIT spent more than {@link #JIT_QUIET_SHARE}
     * of the last turn compiling. The JIT compiles a chunk's path through the server (HTTP, FHIR, database, store)
     * only after thousands of chunks, which the small ones bring soonest, and on two cores its compiling competes with
     * the upload; the one POST takes the store's other path, which a server in use takes too, so that the figures
     * measured after the warm-up do not undo what the JIT compiled for the other path. The chunks all go to one
     * recording left in progress (a new one after {@link #WARM_UP_LIMIT} bytes); each one POST makes a recording.
     */
    private WarmUp warmUpIngest(ServerProcess server, Path source, Path onePostSource) throws Exception {
        long[] chunkSizes = {65_536, 2_000_000, 8L * 1024 * 1024, ONE_POST};
        List<String> rates = new ArrayList<>();
        long began = System.nanoTime();
        long least = began + INGEST_WARM_UP_SECONDS * 1_000_000_000L;
        long most = began + 3L * INGEST_WARM_UP_SECONDS * 1_000_000_000L;
        double jitShare = Double.NaN;
        long turnBegan = began;
        double turnJit = server.jitSeconds();
        String id = startRecording(server);
        long at = 0;
        for (int i = 0; ; i++) {
            long now = System.nanoTime();
            if (i % chunkSizes.length == 0) {
                if (i > 0) {
                    jitShare = (server.jitSeconds() - turnJit) / ((now - turnBegan) / 1e9);
                }
                if (now >= most || (now >= least && jitShare <= JIT_QUIET_SHARE)) {
                    return new WarmUp(rates, (now - began) / 1e9, jitShare);
                }
                turnBegan = now;
                turnJit = server.jitSeconds();
            }
            long chunkSize = chunkSizes[i % chunkSizes.length];
            if (chunkSize == ONE_POST) {
                rates.add(mb(rate(Files.size(onePostSource), client(server).onePost(onePostSource))));
                continue;
            }
            long bytes = Math.min(chunkSize == 65_536 ? SMALL_WARM_UP_BYTES : WARM_UP_BYTES, BYTES);
            if (at + bytes > WARM_UP_LIMIT) {
                id = startRecording(server);
                at = 0;
            }
            rates.add(mb(sendChunks(server, id, source, chunkSize, bytes, at, false)));
            at += bytes;
        }
    }

    /**
     * The ingest warm-up.
     *
     * @param rates the rate of each upload, in MB/s, in order
     * @param seconds how long it took
     * @param lastJitShare the share of its last turn the JIT spent compiling
     */
    private record WarmUp(List<String> rates, double seconds, double lastJitShare) {}

    /** Uploads the content's first {@code bytes} bytes to a new recording in chunks of {@code chunkSize}. */
    private double chunked(ServerProcess server, Path source, long chunkSize, long bytes) throws Exception {
        return sendChunks(server, startRecording(server), source, chunkSize, bytes, 0, true);
    }

    /**
     * Sends the content's first {@code bytes} bytes in chunks of {@code chunkSize}, one after another, as the
     * recording's bytes from {@code at}; the last chunk names the total only when {@code complete}.
     *
     * @return the rate in MB/s
     */
    private double sendChunks(
            ServerProcess server, String id, Path source, long chunkSize, long bytes, long at, boolean complete)
            throws Exception {
        long began = System.nanoTime();
        try (FileChannel in = FileChannel.open(source)) {
            for (long from = 0; from < bytes; from += chunkSize) {
                int length = (int) Math.min(chunkSize, bytes - from);
                ByteBuffer chunk = ByteBuffer.allocate(length);
                in.read(chunk, from);
                boolean last = complete && from + length == bytes;
                HttpResponse<String> done = send(
                        server,
                        write(server, id)
                                .header("Content-Type", "video/webm")
                                .header(
                                        "Content-Range",
                                        "bytes " + (at + from) + "-" + (at + from + length - 1) + "/"
                                                + (last ? Long.toString(at + bytes) : "*"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk.array())));
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            }
        }
        return rate(bytes, System.nanoTime() - began);
    }

    private String sealedRecording(ServerProcess server, Path source) throws Exception {
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

    /**
     * The median of three whole downloads, each read through a plain {@link HttpURLConnection} in 1 MiB reads: the
     * JDK's {@link HttpClient} hands a body over in small buffers through its asynchronous pipeline and, in this JVM
     * beside the server, measured itself rather than the server (about half of curl's rate).
     */
    private double download(ServerProcess server, String id) throws Exception {
        List<Double> rates = new ArrayList<>();
        byte[] buffer = new byte[1024 * 1024];
        for (int i = 0; i < 3; i++) {
            long began = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) uri(server, "/fhir/Media/" + id + "/$binary-access-read")
                    .toURL()
                    .openConnection();
            connection.setRequestProperty("Authorization", CLINICIAN);
            long size = 0;
            try (InputStream body = connection.getInputStream()) {
                assertThat(connection.getResponseCode()).isEqualTo(200);
                for (int n; (n = body.read(buffer)) > 0; ) {
                    size += n;
                }
            } finally {
                connection.disconnect();
            }
            assertThat(size).isEqualTo(BYTES);
            rates.add(rate(size, System.nanoTime() - began));
        }
        Collections.sort(rates);
        return rates.get(1);
    }

    /**
     * The median time to the first byte of 50 Range reads of the first KiB, one after another, after {@code warmUp}
     * such reads that are not counted.
     */
    private double rangeTtfbMillis(ServerProcess server, String id, int warmUp) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < warmUp + 50; i++) {
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
                if (i >= warmUp) {
                    times.add(firstByte);
                }
            }
        }
        return percentile(times, 50) / 1e6;
    }

    private static Load load(URI target, String authorization) throws Exception {
        return LoadDriver.concurrent(CONNECTIONS, SECONDS, LoadDriver.gets(target, authorization));
    }

    /**
     * The bench's one client of {@code server}, as a real uploader keeps one: its connection stays open from request
     * to request, so that a chunk pays for the server's work and not for a new client and connection of its own.
     */
    private BenchClient client(ServerProcess server) {
        return clients.computeIfAbsent(server.port(), BenchClient::new);
    }

    private void giveConsent(ServerProcess server) throws Exception {
        client(server).giveConsent();
    }

    private String startRecording(ServerProcess server) throws Exception {
        return client(server).startRecording();
    }

    private HttpRequest.Builder write(ServerProcess server, String id) {
        return client(server).write(id);
    }

    private HttpResponse<String> send(ServerProcess server, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client(server).send(request);
    }

    private static URI uri(ServerProcess server, String path) {
        return new BenchClient(server.port()).uri(path);
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        BenchClient.writeRandom(file, bytes);
    }

    private void row(String key, String what, double value, String baseline, double ratio) {
        report.put(key + ".MBps", value);
        if (!Double.isNaN(ratio)) {
            report.put(key + ".ratio", ratio);
        }
        line("| " + what + " | " + mb(value) + " | " + baseline + " | "
                + (Double.isNaN(ratio) ? "—" : fmt(100 * ratio) + " %") + " |");
    }

    private void loadRow(String key, String what, Load load, Load baseline) {
        report.put(key + ".perSecond", load.perSecond());
        report.put(key + ".p50Ms", load.p50Millis());
        report.put(key + ".p99Ms", load.p99Millis());
        report.put(key + ".errors", load.errors());
        report.put(key + ".ofMetadata", load.perSecond() / baseline.perSecond());
        line("| " + what + " | " + fmt(load.perSecond()) + " | " + fmt(load.p50Millis()) + " | "
                + fmt(load.p99Millis()) + " | " + load.errors() + " | "
                + fmt(100 * load.perSecond() / baseline.perSecond()) + " % |");
    }

    private void line(String text) {
        report.line(text);
    }

    private static double rate(long bytes, long nanos) {
        return BenchClient.rate(bytes, nanos);
    }

    private static double percentile(List<Long> values, int percent) {
        return LoadDriver.percentile(values, percent);
    }

    private static String mb(double value) {
        return fmt(value);
    }

    private static String fmt(double value) {
        return BenchReport.fmt(value);
    }
}
