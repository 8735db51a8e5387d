/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import dev.mailcore.api.Account;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.server.internal.Closer;
import dev.mailcore.server.internal.Endpoint;
import dev.mailcore.server.internal.Endpoints;
import dev.mailcore.server.internal.ListenerSpec;
import dev.mailcore.server.internal.ProtocolSettings;
import dev.mailcore.server.internal.Storage;
import dev.mailcore.server.internal.StorageSettings;
import dev.mailcore.server.internal.TlsMaterial;
import dev.mailcore.smtp.MessageFilter;
import dev.mailcore.smtp.SmtpListener;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A whole mail server in one object: a store, a search index, a directory and the protocol listeners, started and
 * closed together.
 *
 * <pre>{@code
 * try (MailServer server = MailServer.builder()
 *         .dataDirectory(Path.of("mailcore-data"))
 *         .store(StoreKind.H2)
 *         .defaultDomain("example.com")
 *         .user("alice@example.com", "secret")
 *         .imap("127.0.0.1", 0)
 *         .smtp("127.0.0.1", 0)
 *         .build()
 *         .start()) {
 *     int imapPort = server.boundAddress(Protocol.IMAP).getPort();
 *     ...
 * }
 * }</pre>
 *
 * <p>Nothing is opened before {@link #start()}, and {@link #close()} releases every thread, file and port it took.
 * Two servers in one JVM share nothing. The builder fails fast: each single-valued setting may be given once.
 */
public final class MailServer implements AutoCloseable {
    private final StorageSettings storageSettings;
    private final List<ListenerSpec> listeners;
    private final Function<Storage, ProtocolSettings> protocolSettings;
    private final String defaultDomain;
    private final Closer closer = new Closer();
    private final Map<Protocol, Endpoint> endpoints = new EnumMap<>(Protocol.class);
    private Storage storage;
    private State state = State.NEW;

    private enum State {
        NEW,
        STARTED,
        CLOSED
    }

    private MailServer(Builder b) {
        // A snapshot: changing the builder later does not change a server it built.
        this.storageSettings = b.storageSettings();
        this.listeners = List.copyOf(b.listeners.values());
        this.protocolSettings = b.protocolSettings();
        this.defaultDomain = b.domain();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the store and index, provisions the users and binds every listener; returns once all are bound. On
     * failure everything opened so far is closed again and the exception is rethrown.
     *
     * @throws IllegalStateException if the server was started or closed before
     * @throws RuntimeException from the store, the index or a listener that cannot bind
     */
    public synchronized MailServer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the server was " + state.name().toLowerCase(Locale.ROOT) + " already");
        }
        state = State.STARTED;
        try {
            storage = closer.register(Storage.open(storageSettings));
            Endpoints factory = new Endpoints(protocolSettings.apply(storage));
            List<Endpoint> created = new ArrayList<>();
            for (ListenerSpec spec : listeners) {
                created.add(closer.register(factory.create(spec)));
            }
            storage.awaitUsers();
            for (Endpoint endpoint : created) {
                endpoint.start();
                endpoints.put(endpoint.protocol(), endpoint);
            }
            return this;
        } catch (RuntimeException e) {
            state = State.CLOSED;
            closer.closeQuietlyInto(e);
            throw e;
        }
    }

    /** The address and port {@code protocol} listens on. */
    public synchronized InetSocketAddress boundAddress(Protocol protocol) {
        Endpoint endpoint = endpoints.get(Objects.requireNonNull(protocol, "protocol"));
        if (endpoint == null) {
            throw new IllegalStateException(protocol.key() + " is not listening");
        }
        return endpoint.boundAddress();
    }

    /** The bound port of each listener, in the order they were configured. */
    public synchronized Map<Protocol, Integer> ports() {
        Map<Protocol, Integer> ports = new LinkedHashMap<>();
        for (ListenerSpec spec : listeners) {
            Endpoint endpoint = endpoints.get(spec.protocol());
            if (endpoint != null) {
                ports.put(spec.protocol(), endpoint.boundAddress().getPort());
            }
        }
        return Collections.unmodifiableMap(ports);
    }

    /** The mail store the listeners serve, for a host that appends or reads in code; after {@link #start()}. */
    public synchronized MailStore store() {
        return running().engine();
    }

    /**
     * Where authenticated mail for other domains waits (SMTP submission, JMAP EmailSubmission, vacation replies to
     * senders elsewhere): in the database with H2 and PostgreSQL, in memory otherwise. Nothing delivers it to other
     * servers yet; a host may read and {@link OutboundQueue#remove remove} it. After {@link #start()}.
     */
    public synchronized OutboundQueue outboundQueue() {
        return running().outboundQueue();
    }

    /** The directory logins and recipients are checked against; after {@link #start()}. */
    public synchronized Directory directory() {
        return running().directory();
    }

    /**
     * Adds a user while the server runs, by full address or bare login (at the default domain); an existing user of
     * a persistent store gets this password. Safe from any thread.
     *
     * @throws UnsupportedOperationException when the server uses a host-provided directory
     */
    public Account addUser(String login, String password) {
        Storage running;
        synchronized (this) {
            running = running();
        }
        return running.addUser(Builder.address(login, defaultDomain), password);
    }

    private Storage running() {
        if (state != State.STARTED) {
            throw new IllegalStateException("the server is not running");
        }
        return storage;
    }

    /** Stops the listeners, then closes the engine, index and store. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        endpoints.clear();
        closer.close();
    }

    /**
     * Settings of a {@link MailServer}. Defaults: memory store, scan search (Lucene on disk for H2 and PostgreSQL),
     * default domain {@code localhost}, no listeners.
     */
    public static final class Builder {
        private static final Duration DEFAULT_AUTH_CACHE = Duration.ofMinutes(5);
        /**
         * Orphans come from expunges and from appends cut short; a few sweeps a day keep the disk tidy while each
         * one (a walk over every blob and one indexed query per 500) stays rare.
         */
        private static final Duration DEFAULT_BLOB_SWEEP = Duration.ofHours(6);

        private StoreKind store;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private Path dataDirectory;
        private SearchKind search;
        private Directory directory;
        private String defaultDomain;
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<Protocol, ListenerSpec> listeners = new LinkedHashMap<>();
        private TlsMaterial tls;
        private String hostname;
        private Boolean allowPlaintextAuth;
        private Long maxMessageSize;
        private Duration authCacheTtl;
        private Integer maxLineLength;
        private Duration idleTimeout;
        private Duration databaseTimeout;
        private Duration blobSweepInterval;
        private final List<MessageFilter> smtpFilters = new ArrayList<>();
        private final List<SmtpListener> smtpListeners = new ArrayList<>();
        private Boolean verifyAddresses;

        private Builder() {}

        /** The store: {@link StoreKind#MEMORY} (default) or {@link StoreKind#H2}; PostgreSQL goes through {@link #postgres}. */
        public Builder store(StoreKind kind) {
            Objects.requireNonNull(kind, "kind");
            if (kind == StoreKind.POSTGRES) {
                throw new IllegalArgumentException("PostgreSQL needs a URL: use postgres(jdbcUrl, user, password)");
            }
            once(store, "store");
            store = kind;
            return this;
        }

        /** PostgreSQL metadata and directory at {@code jdbcUrl}; message files stay under the data directory. */
        public Builder postgres(String jdbcUrl, String user, String password) {
            once(store, "store");
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            this.jdbcUser = user;
            this.jdbcPassword = password;
            store = StoreKind.POSTGRES;
            return this;
        }

        /**
         * How long a command waits for a PostgreSQL connection before its client gets a temporary error (IMAP
         * {@code NO [UNAVAILABLE]}, SMTP 451, POP3 {@code -ERR [SYS/TEMP]}, JMAP {@code serverUnavailable});
         * default 10 s. While the database is down every command that needs it waits this long.
         */
        public Builder databaseTimeout(Duration timeout) {
            once(databaseTimeout, "databaseTimeout");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 250) {
                throw new IllegalArgumentException("databaseTimeout must be at least 250 ms: " + timeout);
            }
            databaseTimeout = timeout;
            return this;
        }

        /**
         * How often message files no email names any more are deleted, with H2 and PostgreSQL (default 6 hours,
         * first run 5 minutes after start or one interval, if shorter); {@link Duration#ZERO} never. Only files
         * older than an hour are considered, so an append in progress keeps its file. Each sweep logs at INFO what
         * it deleted.
         */
        public Builder blobSweepInterval(Duration interval) {
            once(blobSweepInterval, "blobSweepInterval");
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("blobSweepInterval must not be negative: " + interval);
            }
            blobSweepInterval = interval;
            return this;
        }

        /** Where H2, message files and the Lucene index live; needed by every store but memory. */
        public Builder dataDirectory(Path directory) {
            once(dataDirectory, "dataDirectory");
            dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The full-text index; default {@link SearchKind#SCAN} on memory, {@link SearchKind#LUCENE} otherwise. */
        public Builder search(SearchKind kind) {
            once(search, "search");
            search = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** A directory of the host's own instead of the store's; users then come from it, not {@link #user}. */
        public Builder directory(Directory directory) {
            once(this.directory, "directory");
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The domain of bare logins, made local; default {@code localhost}. A user at this domain logs in with the
         * full address or the local part alone.
         */
        public Builder defaultDomain(String domain) {
            once(defaultDomain, "defaultDomain");
            defaultDomain = requireText(domain, "domain").toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * A user by full address or bare login (which gets an address at the default domain). A persistent store
         * keeps users between starts: an existing user gets this password.
         */
        public Builder user(String login, String password) {
            String name = requireText(login, "login").toLowerCase(Locale.ROOT);
            requireText(password, "password");
            if (users.putIfAbsent(name, password) != null) {
                throw new IllegalStateException("user " + login + " is set already");
            }
            return this;
        }

        /** An IMAP listener; port 0 takes any free port. */
        public Builder imap(String host, int port) {
            return listen(Protocol.IMAP, host, port);
        }

        /** An IMAPS (implicit TLS) listener. */
        public Builder imaps(String host, int port) {
            return listen(Protocol.IMAPS, host, port);
        }

        /** A POP3 listener, offering STLS when the server has TLS material. */
        public Builder pop3(String host, int port) {
            return listen(Protocol.POP3, host, port);
        }

        /** A POP3S (implicit TLS) listener; it and a POP3 listener exclude each other's sessions on an account. */
        public Builder pop3s(String host, int port) {
            return listen(Protocol.POP3S, host, port);
        }

        /** An SMTP (MX) listener. */
        public Builder smtp(String host, int port) {
            return listen(Protocol.SMTP, host, port);
        }

        /** A submission listener: STARTTLS, AUTH required. */
        public Builder submission(String host, int port) {
            return listen(Protocol.SUBMISSION, host, port);
        }

        /** A submission listener with implicit TLS, AUTH required. */
        public Builder submissions(String host, int port) {
            return listen(Protocol.SUBMISSIONS, host, port);
        }

        /** An LMTP listener. */
        public Builder lmtp(String host, int port) {
            return listen(Protocol.LMTP, host, port);
        }

        /** An HTTP listener serving JMAP; it and {@link #https} share one HTTP server. */
        public Builder http(String host, int port) {
            return listen(Protocol.HTTP, host, port);
        }

        /** An HTTPS listener serving JMAP. */
        public Builder https(String host, int port) {
            return listen(Protocol.HTTPS, host, port);
        }

        /** A listener of {@code protocol} on {@code host} (a name or address) and {@code port}; one per protocol. */
        public Builder listen(Protocol protocol, String host, int port) {
            Objects.requireNonNull(protocol, "protocol");
            ListenerSpec spec = new ListenerSpec(protocol, requireText(host, "host"), port);
            if (listeners.putIfAbsent(protocol, spec) != null) {
                throw new IllegalStateException(protocol.key() + " listener is set already");
            }
            return this;
        }

        /** The certificate chain and unencrypted private key, both PEM files. */
        public Builder tlsPem(Path certificateChain, Path privateKey) {
            return tls(new TlsMaterial.Pem(
                    Objects.requireNonNull(certificateChain, "certificateChain"),
                    Objects.requireNonNull(privateKey, "privateKey")));
        }

        /** A PKCS#12 key store holding the key and its certificate chain. */
        public Builder tlsPkcs12(Path keyStore, String password) {
            return tls(new TlsMaterial.Pkcs12(
                    Objects.requireNonNull(keyStore, "keyStore"), Objects.requireNonNull(password, "password")));
        }

        /**
         * A self-signed certificate for localhost made at start; the default when a TLS listener is configured and
         * no other TLS material is.
         */
        public Builder tlsSelfSigned() {
            return tls(new TlsMaterial.SelfSigned());
        }

        private Builder tls(TlsMaterial material) {
            once(tls, "TLS material");
            tls = material;
            return this;
        }

        /** The name SMTP greets with and writes in Received headers; default {@code localhost}. */
        public Builder hostname(String hostname) {
            once(this.hostname, "hostname");
            this.hostname = requireText(hostname, "hostname");
            return this;
        }

        /** Whether passwords may cross unencrypted connections; default: on loopback only. */
        public Builder allowPlaintextAuth(boolean allow) {
            once(allowPlaintextAuth, "allowPlaintextAuth");
            allowPlaintextAuth = allow;
            return this;
        }

        /**
         * How long a successful password check is remembered, so repeated logins skip the slow password hash
         * (default 5 minutes; {@link Duration#ZERO} checks every login). A password changed outside this server
         * keeps the old one working until then; see {@link dev.mailcore.store.CachingDirectory}.
         */
        public Builder authCache(Duration ttl) {
            once(authCacheTtl, "authCache");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("authCache must not be negative: " + ttl);
            }
            authCacheTtl = ttl;
            return this;
        }

        /** The largest message accepted over SMTP, by IMAP APPEND and by the store. */
        public Builder maxMessageSize(long bytes) {
            once(maxMessageSize, "maxMessageSize");
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMessageSize must be positive: " + bytes);
            }
            maxMessageSize = bytes;
            return this;
        }

        /** The longest IMAP command line; SMTP keeps the 1,000 octets of RFC 5321. */
        public Builder maxLineLength(int bytes) {
            once(maxLineLength, "maxLineLength");
            if (bytes < 1000) {
                throw new IllegalArgumentException("maxLineLength must be at least 1000: " + bytes);
            }
            maxLineLength = bytes;
            return this;
        }

        /** How long a silent connection stays open, on every listener. */
        public Builder idleTimeout(Duration timeout) {
            once(idleTimeout, "idleTimeout");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + timeout);
            }
            idleTimeout = timeout;
            return this;
        }

        /**
         * Adds a filter that sees every message the SMTP, submission and LMTP listeners receive, before delivery;
         * filters run in the order they were added.
         */
        public Builder smtpFilter(MessageFilter filter) {
            smtpFilters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Adds a listener that observes the connections, logins and messages of the SMTP, submission and LMTP
         * listeners; listeners are told in the order they were added, and one that throws changes no reply.
         */
        public Builder smtpListener(SmtpListener listener) {
            smtpListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Whether VRFY on the SMTP-family listeners answers from the directory (250, or 550 5.1.1 for an unknown
         * address) instead of 252 for every address. Default off, since it lets anyone test addresses.
         */
        public Builder verifyAddresses(boolean verify) {
            once(verifyAddresses, "verifyAddresses");
            verifyAddresses = verify;
            return this;
        }

        /**
         * Checks the settings and makes the server, which opens nothing until {@link MailServer#start()}.
         *
         * @throws IllegalStateException if a store or index on disk has no data directory, or users come with a
         *     host directory
         */
        public MailServer build() {
            StoreKind kind = storeKind();
            if (kind != StoreKind.MEMORY && dataDirectory == null) {
                throw new IllegalStateException(kind + " keeps files: set dataDirectory(...)");
            }
            if (searchKind() == SearchKind.LUCENE && dataDirectory == null) {
                throw new IllegalStateException("Lucene on disk needs dataDirectory(...); or use LUCENE_IN_MEMORY");
            }
            if (directory != null && !users.isEmpty()) {
                throw new IllegalStateException(
                        "users come from the host's directory; drop user(...) or directory(...)");
            }
            return new MailServer(this);
        }

        private StoreKind storeKind() {
            return store == null ? StoreKind.MEMORY : store;
        }

        private SearchKind searchKind() {
            if (search != null) {
                return search;
            }
            return storeKind() == StoreKind.MEMORY ? SearchKind.SCAN : SearchKind.LUCENE;
        }

        private String domain() {
            return defaultDomain == null ? "localhost" : defaultDomain;
        }

        static String address(String login, String domain) {
            String name = requireText(login, "login").toLowerCase(Locale.ROOT);
            return name.contains("@") ? name : name + "@" + domain;
        }

        private StorageSettings storageSettings() {
            Map<String, String> addresses = new LinkedHashMap<>();
            users.forEach((login, password) -> addresses.put(address(login, domain()), password));
            return new StorageSettings(
                    storeKind(),
                    dataDirectory,
                    jdbcUrl,
                    jdbcUser,
                    jdbcPassword,
                    searchKind(),
                    directory,
                    domain(),
                    Collections.unmodifiableMap(addresses),
                    maxMessageSize,
                    authCacheTtl == null ? DEFAULT_AUTH_CACHE : authCacheTtl,
                    databaseTimeout,
                    blobSweepInterval == null ? DEFAULT_BLOB_SWEEP : blobSweepInterval);
        }

        private Function<Storage, ProtocolSettings> protocolSettings() {
            TlsMaterial material = tls;
            boolean tlsNeeded = listeners.keySet().stream().anyMatch(Protocol::needsTls);
            String name = hostname == null ? "localhost" : hostname;
            Boolean plaintext = allowPlaintextAuth;
            Long messageSize = maxMessageSize;
            Integer lineLength = maxLineLength;
            Duration idle = idleTimeout;
            List<MessageFilter> filters = List.copyOf(smtpFilters);
            List<SmtpListener> observers = List.copyOf(smtpListeners);
            boolean verify = Boolean.TRUE.equals(verifyAddresses);
            return storage -> new ProtocolSettings(
                    storage.engine(),
                    storage.directory(),
                    storage.accountObjects(),
                    storage.outboundQueue(),
                    sslContext(material, tlsNeeded),
                    name,
                    plaintext,
                    messageSize,
                    lineLength,
                    idle,
                    filters,
                    observers,
                    verify);
        }

        private static SSLContext sslContext(TlsMaterial material, boolean tlsNeeded) {
            if (material != null) {
                return material.serverContext();
            }
            return tlsNeeded ? new TlsMaterial.SelfSigned().serverContext() : null;
        }

        private static void once(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " is set already");
            }
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
