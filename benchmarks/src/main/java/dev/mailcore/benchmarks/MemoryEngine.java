/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.MailboxId;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A mail engine on the in-memory adapters, with helpers to fill it; closed with everything it made. */
final class MemoryEngine implements AutoCloseable {
    static final AccountId ACCOUNT = AccountId.of("bench");

    private final MemoryMetadataStore metadata = new MemoryMetadataStore();
    private final MemoryBlobStore blobs = new MemoryBlobStore();
    private final ScanSearchIndex index = new ScanSearchIndex();
    private final InJvmEventBus events = new InJvmEventBus();
    final MailEngine engine = MailEngine.builder()
            .metadataStore(metadata)
            .blobStore(blobs)
            .searchIndex(index)
            .eventBus(events)
            .build();

    MailboxId inbox() {
        return engine.mailboxes().byPath(ACCOUNT, "INBOX").orElseThrow().id();
    }

    long append(MailboxId mailbox, byte[] message) {
        return engine.messages()
                .append(ACCOUNT, mailbox, AppendRequest.of(new ByteArrayInputStream(message)))
                .uid();
    }

    @Override
    public void close() {
        engine.close();
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }

    /**
     * A realistic small message (multipart/alternative, about 4 KB), different for every {@code i}: its own
     * sender, subject and Message-ID.
     */
    static byte[] message(long i) {
        String boundary = "b" + Long.toHexString(i * 31 + 7);
        String body = ("Line " + i + " of a message body with some words to index. ").repeat(40);
        String raw = "From: Sender " + i + " <sender" + (i % 97) + "@example.com>\r\n"
                + "To: bench@example.com\r\n"
                + "Subject: Message number " + i + "\r\n"
                + "Date: Fri, 02 Jan 2026 03:04:05 +0000\r\n"
                + "Message-ID: <m" + i + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                + body + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                + "<p>" + body + "</p>\r\n"
                + "--" + boundary + "--\r\n";
        return raw.getBytes(StandardCharsets.UTF_8);
    }
}
