/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.Quota;
import dev.mailcore.api.UidSet;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A running SMTP server over the in-memory store. Local domain example.com with alice (password secret), bob, carol
 * whose quota holds no message at all, and dave whose quota holds 3,000 octets; alias sales@ goes to bob, and every
 * address at example.net (a catch-all) to bob.
 */
final class SmtpFixture implements AutoCloseable {
    static final String PASSWORD = "secret";

    final MemoryMetadataStore metadata = new MemoryMetadataStore();
    final MemoryBlobStore blobs = new MemoryBlobStore();
    final ScanSearchIndex index = new ScanSearchIndex();
    final InJvmEventBus events = new InJvmEventBus();
    final MemoryDirectory directory = MemoryDirectory.builder()
            .domain("example.com")
            .user("alice@example.com", PASSWORD)
            .user("bob@example.com", PASSWORD)
            .user("carol@example.com", PASSWORD)
            .user("dave@example.com", PASSWORD)
            .alias("sales@example.com", "bob@example.com")
            .catchAll("example.net", "bob@example.com")
            .quota("carol@example.com", new Quota(-1, 0))
            .quota("dave@example.com", new Quota(3_000, -1))
            .pbkdf2Iterations(1_000)
            .build();
    final MailEngine store;
    final SmtpServer server;

    SmtpFixture(UnaryOperator<SmtpServer.Builder> settings) {
        store = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .eventBus(events)
                .directory(directory)
                .build();
        server = settings.apply(SmtpServer.builder()
                        .store(store)
                        .directory(directory)
                        .hostname("mx.example.com")
                        .authBackoff(Duration.ofMillis(10)))
                .build();
        server.start();
    }

    SmtpFixture() {
        this(b -> b);
    }

    int port() {
        return server.port();
    }

    AccountId account(String login) {
        return directory.byLogin(login).orElseThrow().id();
    }

    /** The messages in the user's INBOX, oldest first. */
    List<MessageMeta> inbox(String login) {
        AccountId account = account(login);
        return store.messages()
                .list(
                        account,
                        store.mailboxes().byPath(account, "INBOX").orElseThrow().id(),
                        UidSet.all());
    }

    /** The raw bytes of a stored message. */
    byte[] raw(String login, MessageMeta message) {
        try (InputStream in = store.contents().open(account(login), message.emailId())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String subject(String login, MessageMeta message) {
        return store.messages()
                .summaries(account(login), List.of(message.emailId()))
                .get(message.emailId())
                .subject();
    }

    @Override
    public void close() {
        server.close();
        store.close();
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }
}
