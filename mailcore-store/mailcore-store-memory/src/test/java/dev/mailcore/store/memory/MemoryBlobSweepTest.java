/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.BlobId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.api.UidSet;
import dev.mailcore.store.BlobSweeper;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.tck.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryBlobSweepTest {
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MemoryMetadataStore metadata = new MemoryMetadataStore();
    private final MemoryBlobStore blobs = new MemoryBlobStore(clock);
    private final MemoryOutboundQueue queue = new MemoryOutboundQueue(blobs, clock);
    private final MailEngine engine = MailEngine.builder()
            .metadataStore(metadata)
            .blobStore(blobs)
            .clock(clock)
            .build();
    private final BlobSweeper sweeper = new BlobSweeper(blobs, List.of(metadata, queue), clock);

    @Test
    void onlyOldBlobsThatNoEmailOrQueuedMessageNamesAreDeleted() {
        AppendResult kept = append(ALICE, "kept");
        AppendResult expunged = append(ALICE, "expunged");
        AppendResult sharedWithBob = append(ALICE, "shared");
        append(BOB, "shared");
        QueuedMessage queued = queue.enqueue(
                new OutboundEnvelope(
                        "alice@example.com",
                        List.of(OutboundRecipient.of("carol@example.org")),
                        Optional.empty(),
                        Optional.empty()),
                bytes("queued"));
        BlobId failedAppend = blobs.put(bytes("a put whose row never committed"));
        engine.messages().remove(ALICE, inbox(ALICE), UidSet.of(expunged.uid(), sharedWithBob.uid()));

        clock.advance(Duration.ofHours(2));
        BlobId young = blobs.put(bytes("an append in flight"));

        BlobSweeper.Result result = sweeper.sweep(Duration.ofHours(1));

        assertThat(result.deleted()).isEqualTo(2);
        assertThat(result.examined()).isEqualTo(5);
        assertThat(blobs.exists(expunged.blobId())).isFalse();
        assertThat(blobs.exists(failedAppend)).isFalse();
        assertThat(blobs.exists(kept.blobId())).isTrue();
        assertThat(blobs.exists(sharedWithBob.blobId())).isTrue();
        assertThat(blobs.exists(queued.blob())).isTrue();
        assertThat(blobs.exists(young)).isTrue();

        queue.remove(queued.id());
        clock.advance(Duration.ofHours(2));
        assertThat(sweeper.sweep(Duration.ofHours(1)).deleted()).isEqualTo(2);
        assertThat(blobs.exists(queued.blob())).isFalse();
        assertThat(blobs.exists(young)).isFalse();
        assertThat(blobs.exists(kept.blobId())).isTrue();
    }

    @Test
    void storingAnOrphansBytesAgainMakesItYoung() {
        BlobId orphan = blobs.put(bytes("same bytes"));
        clock.advance(Duration.ofHours(2));
        AppendResult appended = append(ALICE, "same bytes");
        assertThat(appended.blobId()).isEqualTo(orphan);
        engine.messages().remove(ALICE, inbox(ALICE), UidSet.of(appended.uid()));

        assertThat(sweeper.sweep(Duration.ofHours(1)).deleted()).isZero();
        assertThat(blobs.exists(orphan)).isTrue();
    }

    private AppendResult append(AccountId account, String body) {
        return engine.messages().append(account, inbox(account), AppendRequest.of(bytes(body)));
    }

    private MailboxId inbox(AccountId account) {
        return engine.mailboxes().byPath(account, "INBOX").orElseThrow().id();
    }

    private static ByteArrayInputStream bytes(String body) {
        return new ByteArrayInputStream(("Subject: test\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
