/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.Quota;
import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A running IMAP server over the in-memory store, with one user alice@example.com / secret. */
public final class ImapFixture implements AutoCloseable {
    public static final String USER = "alice@example.com";
    public static final String PASSWORD = "secret";

    final MemoryMetadataStore metadata = new MemoryMetadataStore();
    final MemoryBlobStore blobs = new MemoryBlobStore();
    final ScanSearchIndex index = new ScanSearchIndex();
    final InJvmEventBus events = new InJvmEventBus();
    public final MemoryDirectory directory = MemoryDirectory.builder()
            .domain("example.com")
            .user(USER, PASSWORD)
            .quota(USER, new Quota(10L << 20, 1000))
            .pbkdf2Iterations(1_000)
            .build();
    public final MailEngine store;
    public final AccountId alice;
    final ImapServer server;

    public ImapFixture() {
        this(b -> b);
    }

    ImapFixture(UnaryOperator<ImapServer.Builder> settings) {
        store = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .eventBus(events)
                .directory(directory)
                .build();
        alice = directory
                .authenticate(USER, PASSWORD.toCharArray())
                .orElseThrow()
                .id();
        server = settings.apply(ImapServer.builder()
                        .store(store)
                        .directory(directory)
                        .port(0)
                        .authBackoff(Duration.ofMillis(10)))
                .build();
        server.start();
    }

    static ImapFixture withTls(TlsMode mode, SelfSignedCertificate certificate) {
        return new ImapFixture(b -> b.tlsMode(mode).sslContext(certificate.serverContext()));
    }

    public int port() {
        return server.port();
    }

    public Mailbox mailbox(String path) {
        return store.mailboxes().byPath(alice, path).orElseThrow();
    }

    public AppendResult deliver(String path, String message) {
        return store.messages()
                .append(
                        alice,
                        mailbox(path).id(),
                        AppendRequest.of(new ByteArrayInputStream(
                                message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
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
