/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.server.MailServer;
import dev.mailcore.server.Protocol;
import dev.mailcore.server.StoreKind;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.testing.internal.ClientProperties;
import dev.mailcore.testing.internal.TempDirectory;
import dev.mailcore.testing.internal.TestServer;
import dev.mailcore.testing.internal.TestTls;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real IMAP and SMTP server for the tests of a host application, on free loopback ports, with users, mail and
 * TLS trust in one line each.
 *
 * <pre>{@code
 * class PasswordResetTest {
 *     @RegisterExtension
 *     static MailcoreExtension mail = MailcoreExtension.create().withUser("alice@example.com", "secret");
 *
 *     @Test
 *     void sendsTheLink() throws Exception {
 *         new PasswordResetMailer(mail.smtpSession()).send("alice@example.com");
 *         assertTrue(mail.waitForIncomingEmail(Duration.ofSeconds(5), 1));
 *         assertEquals("Reset your password", mail.receivedMessages().get(0).getSubject());
 *     }
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> In a {@code static} field the server starts before the first test of the class and stops
 * after the last; in an instance field every test gets a server of its own. Tests of one class that run in parallel
 * against a shared server stay apart with {@link #newUser()}. The server is listening when the first test runs.
 *
 * <p><b>Settings</b> ({@code with...}) are taken before the server starts; the defaults are SMTP and IMAP, the
 * memory store, no TLS and the domain {@code localhost}, which is where a bare login's address lies.
 */
public final class MailcoreExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final String HOST = "127.0.0.1";

    /** Fast password hashes: the test's passwords protect nothing, and every IMAP login checks one. */
    private static final int TEST_HASH_ITERATIONS = 1_000;

    private final Map<String, String> users = new LinkedHashMap<>();
    private final Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
    private final AtomicLong userCounter = new AtomicLong();
    private String domain = "localhost";
    private boolean tls;
    private StoreKind store = StoreKind.MEMORY;
    private Path dataDirectory;

    private TempDirectory files;
    private TestTls tlsFiles;
    private TestServer running;
    private boolean perMethod;

    private MailcoreExtension() {}

    /** An extension with the defaults: SMTP and IMAP on free ports, memory store, no users. */
    public static MailcoreExtension create() {
        return new MailcoreExtension();
    }

    /** A user by full address or by bare login (whose address is at {@link #withDomain the domain}). */
    public MailcoreExtension withUser(String login, String password) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        settable();
        if (users.putIfAbsent(login, password) != null) {
            throw new IllegalStateException("user " + login + " is set already");
        }
        return this;
    }

    /** The domain of bare logins and of {@link #newUser()}; default {@code localhost}. */
    public MailcoreExtension withDomain(String domain) {
        settable();
        this.domain = Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        return this;
    }

    /**
     * The listeners to open, instead of SMTP and IMAP. A TLS-only protocol ({@link Protocol#IMAPS},
     * {@link Protocol#SUBMISSION}, {@link Protocol#SUBMISSIONS}) turns on {@link #withTls()}.
     */
    public MailcoreExtension withProtocols(Protocol... protocols) {
        settable();
        if (protocols.length == 0) {
            throw new IllegalArgumentException("name at least one protocol");
        }
        this.protocols.addAll(List.of(protocols));
        return this;
    }

    /**
     * TLS with a certificate authority made for this extension: SMTP and IMAP offer STARTTLS, the clients this
     * extension makes insist on it, and {@link #sslContext()} / {@link #trustStore()} / {@link #caCertificateFile()}
     * give the trust to clients of the host application.
     */
    public MailcoreExtension withTls() {
        settable();
        tls = true;
        return this;
    }

    /** Keeps mail in H2 under a temporary directory instead of memory: {@link #restart()} keeps it. */
    public MailcoreExtension withH2() {
        settable();
        store = StoreKind.H2;
        return this;
    }

    /** Keeps mail in H2 under {@code directory}, which outlives the test: a later run sees the same mail. */
    public MailcoreExtension withH2(Path directory) {
        withH2();
        dataDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (this) {
            if (running != null) {
                return;
            }
            // Only an instance field gets here first: JUnit calls beforeAll for static fields alone.
            perMethod = true;
        }
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perMethod) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the server; returns once every listener is bound. The extension calls this itself. */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("the mail server runs already");
        }
        if (files == null) {
            files = TempDirectory.create();
        }
        if (needsTls() && tlsFiles == null) {
            tlsFiles = TestTls.create(files.path().resolve("tls"));
        }
        MemoryDirectory directory = MemoryDirectory.builder()
                .domain(domain)
                .pbkdf2Iterations(TEST_HASH_ITERATIONS)
                .build();
        running = TestServer.start(directory, this::server, users);
    }

    /** Stops the server and deletes its temporary files. The extension calls this itself. */
    public synchronized void stop() {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            running = null;
            if (files != null) {
                files.close();
                files = null;
                tlsFiles = null;
            }
        }
    }

    /**
     * Stops the server and starts it again on the same data: with {@link #withH2()} the mail is still there. Users
     * made by {@link #newUser()} are gone; ports may change.
     */
    public synchronized void restart() {
        running().close();
        running = null;
        start();
    }

    private MailServer server(MemoryDirectory directory) {
        MailServer.Builder builder = MailServer.builder().directory(directory).store(store);
        if (store != StoreKind.MEMORY) {
            builder.dataDirectory(
                    dataDirectory != null ? dataDirectory : files.path().resolve("data"));
        }
        if (tlsFiles != null) {
            builder.tlsPkcs12(tlsFiles.keyStore(), tlsFiles.keyStorePassword());
        }
        for (Protocol protocol : protocols()) {
            builder.listen(protocol, HOST, 0);
        }
        return builder.build();
    }

    private Set<Protocol> protocols() {
        return protocols.isEmpty() ? EnumSet.of(Protocol.SMTP, Protocol.IMAP) : protocols;
    }

    private boolean needsTls() {
        return tls || protocols().stream().anyMatch(Protocol::needsTls);
    }

    // ---- the server ----

    /** The running server, for what this class does not wrap (its store and directory). */
    public MailServer server() {
        return running().server();
    }

    /** The port {@code protocol} listens on. */
    public int port(Protocol protocol) {
        return running().server().boundAddress(protocol).getPort();
    }

    public int smtpPort() {
        return port(Protocol.SMTP);
    }

    public int imapPort() {
        return port(Protocol.IMAP);
    }

    /** The host the listeners are bound to: {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    /** {@code imap://127.0.0.1:port}, or {@code imaps://...} when only IMAPS listens. */
    public String imapUrl() {
        Protocol imap = imapProtocol();
        return ClientProperties.scheme(imap) + "://" + HOST + ":" + port(imap);
    }

    // ---- TLS trust ----

    /** A client TLS context trusting the test CA alone. */
    public SSLContext sslContext() {
        return tls().ca().clientContext();
    }

    /** A PKCS#12 trust store holding the test CA certificate. */
    public KeyStore trustStore() {
        return tls().ca().trustStore();
    }

    /** The test CA certificate as a PEM file, for clients configured by file; deleted with the server. */
    public Path caCertificateFile() {
        return tls().caPem();
    }

    private synchronized TestTls tls() {
        if (tlsFiles == null) {
            throw new IllegalStateException("TLS is off: add withTls()");
        }
        return tlsFiles;
    }

    // ---- clients ----

    /** An Angus Mail session for clients of {@code protocol}: host, port and, with TLS, the trust and STARTTLS. */
    public Session session(Protocol protocol) {
        return Session.getInstance(ClientProperties.of(
                protocol,
                HOST,
                port(protocol),
                tlsFiles == null ? null : sslContext().getSocketFactory()));
    }

    /** A session whose transport sends to the SMTP listener. */
    public Session smtpSession() {
        return session(Protocol.SMTP);
    }

    /** A session whose store reads from the IMAP listener (IMAPS when only that listens). */
    public Session imapSession() {
        return session(imapProtocol());
    }

    /** An IMAP store logged in as the user {@code login} names; the caller closes it. */
    public Store imapStore(String login) throws MessagingException {
        String password = running()
                .password(login)
                .orElseThrow(() -> new IllegalArgumentException("no user " + login + ": add withUser(...)"));
        Session session = imapSession();
        Store imap = session.getStore();
        imap.connect(login, password);
        return imap;
    }

    /**
     * A session whose store reads the INBOX over POP3 (POP3S when only that listens); the server needs
     * {@code withProtocols(..., Protocol.POP3)}.
     */
    public Session pop3Session() {
        return session(protocols().contains(Protocol.POP3) ? Protocol.POP3 : Protocol.POP3S);
    }

    /** A POP3 store logged in as the user {@code login} names; the caller closes it. */
    public Store pop3Store(String login) throws MessagingException {
        String password = running()
                .password(login)
                .orElseThrow(() -> new IllegalArgumentException("no user " + login + ": add withUser(...)"));
        Store pop3 = pop3Session().getStore();
        pop3.connect(login, password);
        return pop3;
    }

    private Protocol imapProtocol() {
        return protocols().contains(Protocol.IMAP) ? Protocol.IMAP : Protocol.IMAPS;
    }

    // ---- users and mail ----

    /** A configured user (by login or address) as a {@link MailUser}. */
    public MailUser user(String login) {
        Account account = running().account(login).orElseThrow(() -> new IllegalArgumentException("no user " + login));
        return new MailUser(
                this, account.primaryAddress(), running().password(login).orElseThrow());
    }

    /**
     * A new user with a unique address at the domain and a random password, made on the running server: mail to
     * it is seen by nobody else, so tests that share a server may run in parallel.
     */
    public MailUser newUser() {
        String local = "user" + userCounter.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        Account account = running().addUser(local + "@" + domain, password);
        return new MailUser(this, account.primaryAddress(), password);
    }

    /** Every message in any mailbox of any user, in the order they arrived. */
    public List<MimeMessage> receivedMessages() {
        TestServer server = running();
        return server.folders().messages(server.accountIds());
    }

    /** The messages of the user {@code address} delivers to, in the order they arrived. */
    public List<MimeMessage> receivedMessagesFor(String address) {
        return running().folders().messages(List.of(recipient(address)));
    }

    /**
     * Waits until the users hold at least {@code count} messages in all, woken by the store as mail arrives;
     * returns false if {@code timeout} ran out first.
     */
    public boolean waitForIncomingEmail(Duration timeout, int count) {
        TestServer server = running();
        return await(() -> server.folders().count(server.accountIds()) >= count, timeout);
    }

    /** As {@link #waitForIncomingEmail(Duration, int)}, counting the messages of one user only. */
    public boolean waitForIncomingEmail(String address, Duration timeout, int count) {
        List<AccountId> one = List.of(recipient(address));
        return await(() -> running().folders().count(one) >= count, timeout);
    }

    private boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        try {
            return running().arrivals().awaitUntil(condition, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends a plain-text message through the SMTP listener, as a user's client would. */
    public void sendTextEmail(String to, String from, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(smtpSession());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject);
        message.setText(body);
        Transport.send(message);
    }

    /** Deletes every message of every user; mailboxes and users stay. */
    public void purge() {
        TestServer server = running();
        server.folders().purge(server.accountIds());
    }

    /** Puts {@code message} into the INBOX of the user {@code address} delivers to, without SMTP. */
    public void deliver(MimeMessage message, String address) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException | MessagingException e) {
            throw new IllegalArgumentException("cannot write the message", e);
        }
        deliver(bytes.toByteArray(), address);
    }

    /** Puts raw RFC 5322 {@code message} bytes into the INBOX of the user {@code address} delivers to. */
    public void deliver(byte[] message, String address) {
        running().folders().append(recipient(address), "INBOX", message);
    }

    /** Adds the message in the file {@code eml} to {@code mailbox} (made if missing) of the user {@code address}. */
    public void loadEml(Path eml, String address, String mailbox) {
        try {
            running().folders().append(recipient(address), mailbox, Files.readAllBytes(eml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eml, e);
        }
    }

    /** As {@link #loadEml(Path, String, String)}, reading a class path resource such as {@code "mail/welcome.eml"}. */
    public void loadEml(String resource, String address, String mailbox) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
                (loader != null ? loader : MailcoreExtension.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            running().folders().append(recipient(address), mailbox, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private AccountId recipient(String address) {
        return running().recipient(address).orElseThrow(() -> new IllegalArgumentException("no user for " + address));
    }

    private synchronized TestServer running() {
        if (running == null) {
            throw new IllegalStateException("the mail server is not running: register the extension with"
                    + " @RegisterExtension, or call start()");
        }
        return running;
    }

    private synchronized void settable() {
        if (running != null) {
            throw new IllegalStateException("settings are taken before the server starts");
        }
    }
}
