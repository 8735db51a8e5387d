/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BlobStore}. An adapter's test extends this class and implements {@link #newStore()}:
 *
 * <pre>{@code
 * class MyBlobStoreTest extends BlobStoreContract {
 *     protected BlobStore newStore() { return new MyBlobStore(...); }
 * }
 * }</pre>
 */
public abstract class BlobStoreContract {
    private static final byte[] HELLO = "Hello, world!\r\n".getBytes(StandardCharsets.US_ASCII);

    protected BlobStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract BlobStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void putReturnsTheSha256OfTheBytes() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(HELLO));
        assertThat(id).isEqualTo(BlobId.ofDigest(sha256(HELLO)));
        assertThat(store.exists(id)).isTrue();
        assertThat(store.size(id)).isEqualTo(HELLO.length);
        assertThat(readAll(store.open(id))).isEqualTo(HELLO);
    }

    @Test
    void anEmptyBlobIsABlob() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(new byte[0]));
        assertThat(id).isEqualTo(BlobId.ofDigest(sha256(new byte[0])));
        assertThat(store.size(id)).isZero();
        assertThat(readAll(store.open(id))).isEmpty();
    }

    @Test
    void putIsIdempotent() throws Exception {
        BlobId first = store.put(new ByteArrayInputStream(HELLO));
        BlobId second = store.put(new ByteArrayInputStream(HELLO.clone()));
        assertThat(second).isEqualTo(first);
        assertThat(readAll(store.open(first))).isEqualTo(HELLO);
        BlobId other = store.put(new ByteArrayInputStream("other".getBytes(StandardCharsets.US_ASCII)));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void putReadsTheStreamToItsEndAndLeavesItOpen() throws Exception {
        CloseTrackingStream in = new CloseTrackingStream(HELLO);
        store.put(in);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.closed).isFalse();
    }

    @Test
    void rangesAreClippedToTheBlob() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(HELLO));
        assertThat(readAll(store.open(id, 0, 5))).isEqualTo(Arrays.copyOfRange(HELLO, 0, 5));
        assertThat(readAll(store.open(id, 7, 5))).isEqualTo(Arrays.copyOfRange(HELLO, 7, 12));
        assertThat(readAll(store.open(id, 7, 0))).isEmpty();
        assertThat(readAll(store.open(id, 7, Long.MAX_VALUE))).isEqualTo(Arrays.copyOfRange(HELLO, 7, HELLO.length));
        assertThat(readAll(store.open(id, HELLO.length, 10))).isEmpty();
        assertThat(readAll(store.open(id, HELLO.length + 100L, 10))).isEmpty();
        assertThat(readAll(store.open(id, 0, HELLO.length))).isEqualTo(HELLO);
    }

    @Test
    void negativeRangesAreRejected() {
        BlobId id = store.put(new ByteArrayInputStream(HELLO));
        assertThatThrownBy(() -> store.open(id, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(id, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownBlobIsNotFound() throws Exception {
        BlobId unknown = BlobId.ofDigest(sha256("never stored".getBytes(StandardCharsets.US_ASCII)));
        assertThat(store.exists(unknown)).isFalse();
        assertNotFound(() -> store.size(unknown));
        assertNotFound(() -> store.open(unknown));
        assertNotFound(() -> store.open(unknown, 0, 10));
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() {
        BlobId id = store.put(new ByteArrayInputStream(HELLO));
        store.delete(id);
        assertThat(store.exists(id)).isFalse();
        assertNotFound(() -> store.open(id));
        store.delete(id);
        assertThat(store.put(new ByteArrayInputStream(HELLO))).isEqualTo(id);
        assertThat(store.exists(id)).isTrue();
    }

    @Test
    void aLargeBlobIsStreamedInAndOut() throws Exception {
        int size = 10 * 1024 * 1024;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        BlobId id = store.put(new PatternStream(size, expected));
        assertThat(id).isEqualTo(BlobId.ofDigest(expected.digest()));
        assertThat(store.size(id)).isEqualTo(size);

        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = store.open(id)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                actual.update(buffer, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(size);
        assertThat(BlobId.ofDigest(actual.digest())).isEqualTo(id);

        byte[] middle = readAll(store.open(id, size / 2, 1_000));
        byte[] pattern = new byte[1_000];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = PatternStream.byteAt(size / 2 + i);
        }
        assertThat(middle).isEqualTo(pattern);
    }

    @Test
    void concurrentPutsOfTheSameBytesAllSucceed() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(42).nextBytes(content);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BlobId>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return store.put(new ByteArrayInputStream(content));
                }));
            }
            start.countDown();
            Set<BlobId> ids = new HashSet<>();
            for (Future<BlobId> result : results) {
                try {
                    ids.add(result.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("a concurrent put failed", e.getCause());
                }
            }
            assertThat(ids).containsExactly(BlobId.ofDigest(sha256(content)));
        }
        assertThat(readAll(store.open(BlobId.ofDigest(sha256(content))))).isEqualTo(content);
    }

    @Test
    void aFailingStreamStoresNothing() throws Exception {
        InputStream failing = new InputStream() {
            private int left = 1_000;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("disk gone");
                }
                left--;
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(UncheckedIOException.class);
        byte[] prefix = new byte[1_000];
        Arrays.fill(prefix, (byte) 'x');
        assertThat(store.exists(BlobId.ofDigest(sha256(prefix)))).isFalse();
    }

    @Test
    void listShowsEveryBlobWithTheTimeItWasStored() {
        Instant before = Instant.now().minusSeconds(2);
        BlobId hello = store.put(new ByteArrayInputStream(HELLO));
        BlobId other = store.put(new ByteArrayInputStream("other".getBytes(StandardCharsets.US_ASCII)));
        BlobId gone = store.put(new ByteArrayInputStream("gone".getBytes(StandardCharsets.US_ASCII)));
        store.delete(gone);
        Instant after = Instant.now().plusSeconds(2);
        List<StoredBlob> listed = listAll();
        assertThat(listed).extracting(StoredBlob::id).containsExactlyInAnyOrder(hello, other);
        assertThat(listed).allSatisfy(b -> assertThat(b.storedAt()).isBetween(before, after));
    }

    @Test
    void anEmptyStoreListsNothing() {
        assertThat(listAll()).isEmpty();
    }

    @Test
    void deleteIfStoredBeforeKeepsABlobStoredAgainSinceTheCutoff() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(HELLO));
        Instant first = storedAt(id);
        assertThat(store.deleteIfStoredBefore(id, first)).isFalse();
        assertThat(store.exists(id)).isTrue();

        // Let the clock move on, so the second put is measurably later than the first.
        Thread.sleep(50);
        store.put(new ByteArrayInputStream(HELLO));
        Instant second = storedAt(id);
        assertThat(second).isAfter(first);
        assertThat(store.deleteIfStoredBefore(id, second)).isFalse();
        assertThat(readAll(store.open(id))).isEqualTo(HELLO);

        assertThat(store.deleteIfStoredBefore(id, second.plusMillis(1))).isTrue();
        assertThat(store.exists(id)).isFalse();
        assertThat(listAll()).isEmpty();
        assertThat(store.deleteIfStoredBefore(id, second.plusSeconds(60))).isFalse();
    }

    private List<StoredBlob> listAll() {
        try (Stream<StoredBlob> listed = store.list()) {
            return listed.toList();
        }
    }

    private Instant storedAt(BlobId id) {
        return listAll().stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElseThrow()
                .storedAt();
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        MailException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.NOT_FOUND));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /** A stream that remembers being closed. */
    private static final class CloseTrackingStream extends ByteArrayInputStream {
        boolean closed;

        CloseTrackingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    /** A generated stream of {@code size} bytes that digests what it hands out, so no test holds it in memory. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        static byte byteAt(long position) {
            return (byte) (position * 31 + (position >>> 9));
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = byteAt(position++);
            }
            digest.update(buffer, offset, n);
            return n;
        }
    }
}
