/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.FIRST_SEGMENT_PLAINTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.SEGMENT_PLAINTEXT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any range of stored content reads back as the same bytes of the plaintext, wherever the segment edges fall. */
class RangeReadPropertyTest {

    private static final int SIZE = FIRST_SEGMENT_PLAINTEXT + 2 * SEGMENT_PLAINTEXT + 777;

    /** Plaintext offsets where segments meet, and the ends: where off-by-one mistakes live. */
    private static final List<Long> EDGES = List.of(
            0L,
            (long) FIRST_SEGMENT_PLAINTEXT,
            (long) FIRST_SEGMENT_PLAINTEXT + SEGMENT_PLAINTEXT,
            (long) FIRST_SEGMENT_PLAINTEXT + 2L * SEGMENT_PLAINTEXT,
            (long) SIZE);

    private static Path directory;
    private static StoreFixture fixture;
    private static byte[] plaintext;
    private static StoredContent stored;

    @BeforeContainer
    static void storeContent() throws IOException {
        directory = Files.createTempDirectory("range-properties");
        fixture = StoreFixture.in(directory);
        plaintext = StoreFixture.randomBytes(SIZE, 99);
        stored = fixture.write(plaintext);
    }

    @AfterContainer
    static void deleteContent() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 100)
    void aRangeReadReturnsThatRangeOfThePlaintext(@ForAll("ranges") Tuple.Tuple2<Long, Long> range) throws IOException {
        int offset = Math.toIntExact(range.get1());
        int length = Math.toIntExact(range.get2());

        byte[] read = fixture.readRange(stored.key(), offset, length);

        assertThat(read).isEqualTo(Arrays.copyOfRange(plaintext, offset, offset + length));
    }

    @Property(tries = 30)
    void aSeekableChannelReadsCorrectlyWhereverItIsPositioned(@ForAll("positionLists") List<Long> positions)
            throws IOException {
        try (SeekableByteChannel channel = fixture.store.openSeekable(stored.key())) {
            for (long position : positions) {
                int length = (int) Math.min(300, SIZE - position);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                channel.position(position);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // fill
                }
                assertThat(buffer.array())
                        .isEqualTo(Arrays.copyOfRange(plaintext, (int) position, (int) position + length));
            }
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Long, Long>> ranges() {
        return offsets()
                .flatMap(offset -> Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.longs().between(0, SIZE - offset)),
                                Tuple.of(1, Arbitraries.longs().between(0, Math.min(64, SIZE - offset))),
                                Tuple.of(1, edgesFrom(offset)))
                        .map(length -> Tuple.of(offset, length)));
    }

    @Provide
    Arbitrary<List<Long>> positionLists() {
        return offsets().filter(offset -> offset < SIZE).list().ofMinSize(1).ofMaxSize(8);
    }

    private static Arbitrary<Long> offsets() {
        Arbitrary<Long> nearEdges = Arbitraries.of(EDGES)
                .flatMap(edge -> Arbitraries.longs().between(-2, 2).map(delta -> edge + delta))
                .filter(offset -> offset >= 0 && offset <= SIZE);
        return Arbitraries.frequencyOf(
                Tuple.of(1, nearEdges), Tuple.of(1, Arbitraries.longs().between(0, SIZE)));
    }

    /** Lengths that end a range exactly on, or next to, an edge after {@code offset}. */
    private static Arbitrary<Long> edgesFrom(long offset) {
        return Arbitraries.of(EDGES)
                .flatMap(edge -> Arbitraries.longs().between(-1, 1).map(delta -> edge + delta - offset))
                .filter(length -> length >= 0 && offset + length <= SIZE);
    }
}
