/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.store.tck.BlobStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path dir;

    @Override
    protected BlobStore newStore() {
        return FileBlobStore.open(dir.resolve("blobs"));
    }

    @Test
    void blobsAreShardedByTheirHash() {
        BlobId id = store.put(new ByteArrayInputStream("sharded".getBytes(StandardCharsets.UTF_8)));
        String hex = id.value();
        Path file = dir.resolve("blobs")
                .resolve(hex.substring(0, 2))
                .resolve(hex.substring(2, 4))
                .resolve(hex);
        assertThat(file).isRegularFile().hasContent("sharded");
    }

    @Test
    void aFailedPutLeavesNoFileBehind() throws IOException {
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 10_000) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> store.put(broken)).isInstanceOf(UncheckedIOException.class);
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedOnOpen() throws IOException {
        Path leftover = dir.resolve("blobs").resolve("tmp").resolve("put-123.tmp");
        Files.writeString(leftover, "half a message");
        FileBlobStore.open(dir.resolve("blobs")).close();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void contentSurvivesReopening() throws IOException {
        BlobId id = store.put(new ByteArrayInputStream("durable".getBytes(StandardCharsets.UTF_8)));
        try (FileBlobStore reopened = FileBlobStore.open(dir.resolve("blobs"));
                InputStream in = reopened.open(id, 2, 3)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("rab");
        }
    }
}
