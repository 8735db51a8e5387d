/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.server;

import dev.mailcore.api.Account;
import dev.mailcore.imap.ImapServer;
import dev.mailcore.search.lucene.LuceneSearchIndex;
import dev.mailcore.smtp.SmtpMode;
import dev.mailcore.smtp.SmtpServer;
import dev.mailcore.store.FileBlobStore;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.sql.SqlDirectory;
import dev.mailcore.store.sql.SqlMetadataStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;

/**
 * A mail server on embedded defaults: H2 metadata, file blobs and a Lucene index under one data directory, IMAP
 * and SMTP on loopback, and a demo user whose password is printed at start.
 *
 * <pre>{@code
 * java -jar examples/demo-server/target/demo-server.jar [DATA_DIR]
 * }</pre>
 *
 * <p>Ports come from the system properties {@code mailcore.imap.port} (default 1143) and {@code mailcore.smtp.port}
 * (default 2525); 0 picks free ones. When both listen it prints one line starting with {@code mailcore ready}.
 */
public final class DemoServer implements AutoCloseable {
    static final String DOMAIN = "localhost";
    static final String USER = "demo@" + DOMAIN;

    private final SqlMetadataStore metadata;
    private final FileBlobStore blobs;
    private final LuceneSearchIndex index;
    private final InJvmEventBus events;
    private final MailEngine engine;
    private final ImapServer imap;
    private final SmtpServer smtp;
    private final String password;

    private DemoServer(Path dataDir, int imapPort, int smtpPort) {
        metadata = SqlMetadataStore.h2(dataDir);
        blobs = FileBlobStore.open(dataDir.resolve("blobs"));
        index = LuceneSearchIndex.open(dataDir.resolve("index"));
        events = new InJvmEventBus();
        SqlDirectory directory = SqlDirectory.builder(metadata).build();
        password = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        Account demo = provision(directory, password);
        engine = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .directory(directory)
                .eventBus(events)
                .build();
        if (index.needsReindex()) {
            engine.reindex(demo.id());
        }
        imap = ImapServer.builder()
                .store(engine)
                .directory(directory)
                .port(imapPort)
                .build();
        smtp = SmtpServer.builder()
                .store(engine)
                .directory(directory)
                .mode(SmtpMode.MX)
                .port(smtpPort)
                .build();
    }

    /** Opens the stores under {@code dataDir} and starts IMAP and SMTP; returns when both listen. */
    public static DemoServer start(Path dataDir, int imapPort, int smtpPort) {
        DemoServer server = new DemoServer(dataDir, imapPort, smtpPort);
        try {
            server.imap.start();
            server.smtp.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The demo user exists after the first start; each start gives it a fresh password. */
    private static Account provision(SqlDirectory directory, String password) {
        if (!directory.isLocalDomain(DOMAIN)) {
            directory.addDomain(DOMAIN);
        }
        if (directory.byLogin(USER).isPresent()) {
            directory.setPassword(USER, password);
            return directory.byLogin(USER).orElseThrow();
        }
        return directory.addUser(USER, password);
    }

    public int imapPort() {
        return imap.port();
    }

    public int smtpPort() {
        return smtp.port();
    }

    public String password() {
        return password;
    }

    /** Writes the demo user and the ready line. */
    public void announce(PrintStream out) {
        out.println("demo user: " + USER + " password: " + password);
        out.println("mailcore ready imap=127.0.0.1:" + imapPort() + " smtp=127.0.0.1:" + smtpPort());
    }

    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
        }
        if (imap != null) {
            imap.close();
        }
        if (engine != null) {
            engine.close();
        }
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }

    public static void main(String[] args) throws InterruptedException {
        // jOOQ prints a banner and tips unless told not to; a server's output is its ready line.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Path dataDir = Path.of(args.length > 0 ? args[0] : "mailcore-data");
        int imapPort = Integer.getInteger("mailcore.imap.port", 1143);
        int smtpPort = Integer.getInteger("mailcore.smtp.port", 2525);
        DemoServer server = start(dataDir, imapPort, smtpPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        server.announce(System.out);
        stopped.await();
    }
}
