/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.MailServer;
import dev.mailcore.server.Protocol;
import dev.mailcore.server.SearchKind;
import dev.mailcore.server.StoreKind;
import dev.mailcore.server.internal.ConfigValues.Search;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standalone server's settings: defaults, then the config file, then the flags, each overriding the one
 * before. Turns into a {@link MailServer.Builder}.
 */
public final class LaunchSettings {
    static final HostPort DEFAULT_IMAP = new HostPort("127.0.0.1", 1143);
    static final HostPort DEFAULT_SMTP = new HostPort("127.0.0.1", 2525);

    Path configFile;
    Path dataDir = Path.of("mailcore-data");
    StoreKind store = StoreKind.H2;
    String jdbcUrl;
    String jdbcUser;
    String jdbcPassword;
    Search search = Search.LUCENE;
    String domain = "localhost";
    String hostname;
    boolean allowPlaintextAuth;
    boolean verifyAddresses;
    final Map<String, String> users = new LinkedHashMap<>();
    final Map<Protocol, HostPort> listeners = new LinkedHashMap<>();
    ConfigFile.TlsSection tls;
    Path tlsBase;
    Long maxMessageSize;
    Integer maxLineLength;
    Duration idleTimeout;
    Duration authCache;
    Duration databaseTimeout;
    Duration blobSweepInterval;

    /** Applies what the config file says; relative paths in it are relative to the file's folder. */
    void apply(ConfigFile file, Path base) {
        if (file.dataDir != null) {
            dataDir = base.resolve(file.dataDir);
        }
        if (file.store != null) {
            applyStore(file.store);
        }
        if (file.search != null) {
            search = file.search;
        }
        if (file.domain != null) {
            domain = file.domain;
        }
        if (file.hostname != null) {
            hostname = file.hostname;
        }
        if (file.allowPlaintextAuth != null) {
            allowPlaintextAuth = file.allowPlaintextAuth;
        }
        if (file.verifyAddresses != null) {
            verifyAddresses = file.verifyAddresses;
        }
        if (file.users != null) {
            for (ConfigFile.UserEntry user : file.users) {
                if (user.name == null || user.password == null) {
                    throw new ConfigError(configFile + ": every entry of users needs a name and a password");
                }
                users.put(user.name, user.password);
            }
        }
        if (file.listeners != null) {
            file.listeners.forEach((key, address) -> listeners.put(key.protocol(), address));
        }
        if (file.tls != null) {
            tls = file.tls;
            tlsBase = base;
        }
        if (file.limits != null) {
            ConfigFile.LimitsSection limits = file.limits;
            if (limits.maxMessageSize != null) {
                maxMessageSize = limits.maxMessageSize.bytes();
            }
            if (limits.maxLineLength != null) {
                maxLineLength = (int) Math.min(Integer.MAX_VALUE, limits.maxLineLength.bytes());
            }
            if (limits.idleTimeout != null) {
                idleTimeout = limits.idleTimeout;
            }
            if (limits.authCache != null) {
                authCache = limits.authCache;
            }
        }
    }

    private void applyStore(ConfigFile.StoreSection section) {
        if (section.type != null) {
            store = section.type;
        }
        if (section.url != null) {
            jdbcUrl = section.url;
        }
        jdbcUser = section.user;
        jdbcPassword = section.password;
        if (section.connectionTimeout != null) {
            databaseTimeout = section.connectionTimeout;
        }
        if (section.blobSweepInterval != null) {
            blobSweepInterval = section.blobSweepInterval.duration();
        }
    }

    /** The JDBC URL of a PostgreSQL store, which it cannot do without. */
    String postgresUrl() {
        if (jdbcUrl == null) {
            throw new ConfigError("store postgres needs a JDBC URL: --store postgres:JDBC_URL or store.url");
        }
        return jdbcUrl;
    }

    /** Whether the server keeps users and mail between starts. */
    boolean persistent() {
        return store != StoreKind.MEMORY;
    }

    /** A builder with every setting; listeners default to IMAP on 1143 and SMTP on 2525 when none is given. */
    public MailServer.Builder toBuilder() {
        MailServer.Builder b = MailServer.builder().defaultDomain(domain);
        switch (store) {
            case MEMORY -> b.store(StoreKind.MEMORY);
            case H2 -> b.store(StoreKind.H2);
            case POSTGRES -> b.postgres(postgresUrl(), jdbcUser, jdbcPassword);
        }
        if (persistent()) {
            b.dataDirectory(dataDir);
        }
        b.search(
                switch (search) {
                    // A memory store forgets its mail on exit; an index on disk would outlive it.
                    case LUCENE -> persistent() ? SearchKind.LUCENE : SearchKind.LUCENE_IN_MEMORY;
                    case LUCENE_IN_MEMORY -> SearchKind.LUCENE_IN_MEMORY;
                    case SCAN -> SearchKind.SCAN;
                });
        users.forEach(b::user);
        Map<Protocol, HostPort> open =
                listeners.isEmpty() ? Map.of(Protocol.IMAP, DEFAULT_IMAP, Protocol.SMTP, DEFAULT_SMTP) : listeners;
        for (Protocol p : Protocol.values()) {
            HostPort address = open.get(p);
            if (address != null) {
                b.listen(p, address.host(), address.port());
            }
        }
        applyTls(b);
        if (hostname != null) {
            b.hostname(hostname);
        }
        if (allowPlaintextAuth) {
            b.allowPlaintextAuth(true);
        }
        if (verifyAddresses) {
            b.verifyAddresses(true);
        }
        if (maxMessageSize != null) {
            b.maxMessageSize(maxMessageSize);
        }
        if (maxLineLength != null) {
            b.maxLineLength(maxLineLength);
        }
        if (idleTimeout != null) {
            b.idleTimeout(idleTimeout);
        }
        if (authCache != null) {
            b.authCache(authCache);
        }
        if (databaseTimeout != null) {
            b.databaseTimeout(databaseTimeout);
        }
        if (blobSweepInterval != null) {
            b.blobSweepInterval(blobSweepInterval);
        }
        return b;
    }

    private void applyTls(MailServer.Builder b) {
        if (tls == null) {
            return;
        }
        boolean pem = tls.certificate != null || tls.privateKey != null;
        boolean pkcs12 = tls.keystore != null;
        boolean selfSigned = Boolean.TRUE.equals(tls.selfSigned);
        if ((pem ? 1 : 0) + (pkcs12 ? 1 : 0) + (selfSigned ? 1 : 0) > 1) {
            throw new ConfigError(configFile + ": tls takes one of certificate + private-key, keystore, self-signed");
        }
        if (pem) {
            if (tls.certificate == null || tls.privateKey == null) {
                throw new ConfigError(configFile + ": tls needs both certificate and private-key");
            }
            b.tlsPem(tlsBase.resolve(tls.certificate), tlsBase.resolve(tls.privateKey));
        } else if (pkcs12) {
            b.tlsPkcs12(tlsBase.resolve(tls.keystore), tls.keystorePassword == null ? "" : tls.keystorePassword);
        } else if (selfSigned) {
            b.tlsSelfSigned();
        }
    }
}
