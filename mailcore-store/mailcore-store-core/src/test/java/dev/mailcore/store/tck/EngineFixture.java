/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.MailEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the engine contract suites: an adapter's test extends a suite and says, through
 * {@link #adapters()}, how to make its SPIs; the suite builds a {@link MailEngine} over them for each test.
 */
public abstract class EngineFixture {
    protected MailEngine engine;
    protected MetadataStore metadata;
    protected BlobStore blobs;
    protected SearchIndex index;
    protected EventBus events;
    protected final AccountId alice = AccountId.of("alice");
    protected final AccountId bob = AccountId.of("bob");

    /** The SPIs of the adapter under test. */
    protected abstract EngineAdapters adapters();

    protected Directory newDirectory(String login, String password, Quota quota) {
        return adapters().newDirectory(login, password, quota);
    }

    @BeforeEach
    void startEngine() {
        EngineAdapters adapters = adapters();
        metadata = adapters.newMetadataStore();
        blobs = adapters.newBlobStore();
        index = adapters.newSearchIndex();
        events = adapters.newEventBus();
        engine = configure(MailEngine.builder()
                        .metadataStore(metadata)
                        .blobStore(blobs)
                        .searchIndex(index)
                        .eventBus(events)
                        .idRandom(new SplittableRandom(42)))
                .build();
    }

    /** Replaces the engine with one over the same stores and {@code newIndex} (for index loss and rebuild). */
    protected void startEngineOver(SearchIndex newIndex) {
        engine = configure(MailEngine.builder()
                        .metadataStore(metadata)
                        .blobStore(blobs)
                        .searchIndex(newIndex)
                        .eventBus(events)
                        .idRandom(new SplittableRandom(43)))
                .build();
    }

    /** Lets a suite add settings to the engine it tests. */
    protected MailEngine.Builder configure(MailEngine.Builder builder) {
        return builder;
    }

    @AfterEach
    void stopEngine() {
        engine.close();
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }

    protected Mailbox inbox(AccountId account) {
        return engine.mailboxes().byPath(account, "INBOX").orElseThrow();
    }

    protected AppendResult append(AccountId account, MailboxId mailbox, String raw) {
        return engine.messages().append(account, mailbox, request(raw));
    }

    protected AppendResult append(AccountId account, MailboxId mailbox, String raw, Set<String> keywords) {
        return engine.messages()
                .append(
                        account,
                        mailbox,
                        new AppendRequest(stream(raw), keywords, Instant.parse("2026-01-02T03:04:05Z")));
    }

    protected static AppendRequest request(String raw) {
        return AppendRequest.of(stream(raw));
    }

    protected static ByteArrayInputStream stream(String raw) {
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A small well-formed message with CRLF line ends. */
    protected static String message(String subject, String body) {
        return message("Alice <alice@example.com>", "bob@example.com", subject, body, null, null);
    }

    protected static String message(
            String from, String to, String subject, String body, String messageId, String inReplyTo) {
        List<String> lines = new ArrayList<>();
        lines.add("From: " + from);
        lines.add("To: " + to);
        lines.add("Subject: " + subject);
        lines.add("Date: Fri, 02 Jan 2026 03:04:05 +0000");
        if (messageId != null) {
            lines.add("Message-ID: <" + messageId + ">");
        }
        if (inReplyTo != null) {
            lines.add("In-Reply-To: <" + inReplyTo + ">");
            lines.add("References: <" + inReplyTo + ">");
        }
        lines.add("MIME-Version: 1.0");
        lines.add("Content-Type: text/plain; charset=utf-8");
        lines.add("");
        lines.add(body);
        return String.join("\r\n", lines) + "\r\n";
    }
}
