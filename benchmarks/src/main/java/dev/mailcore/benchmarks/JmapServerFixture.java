/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.server.MailServer;
import dev.mailcore.server.Protocol;
import dev.mailcore.server.SearchKind;
import dev.mailcore.server.StoreKind;
import dev.mailcore.store.CachingDirectory;
import dev.mailcore.store.TokenIssuer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The standalone server in this JVM with the memory store and the scan index, JMAP over plain HTTP on a free
 * loopback port, and one user whose INBOX is filled with {@link MemoryEngine#message generated messages}, each
 * received one second after the one before.
 */
final class JmapServerFixture implements AutoCloseable {
    static final String USER = "bench@localhost";
    private static final String PASSWORD = "bench-password";
    private static final Instant FIRST_RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    final MailServer server;
    final AccountId account;
    final MailboxId inbox;
    final String origin;
    /** HTTP Basic; the server's authentication cache spares the password hash after the first request. */
    final String authorization =
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private long appended;

    JmapServerFixture() {
        server = MailServer.builder()
                .store(StoreKind.MEMORY)
                .search(SearchKind.SCAN)
                .user(USER, PASSWORD)
                .http("127.0.0.1", 0)
                .build()
                .start();
        account = server.directory().byLogin(USER).orElseThrow().id();
        inbox = server.store()
                .mailboxes()
                .byPath(account, "INBOX")
                .orElseThrow()
                .id();
        origin = "http://127.0.0.1:" + server.boundAddress(Protocol.HTTP).getPort();
    }

    /** Appends one more generated message to the INBOX through the api, as a delivery does. */
    void append() {
        long i = appended++;
        server.store()
                .messages()
                .append(
                        account,
                        inbox,
                        new AppendRequest(
                                new ByteArrayInputStream(MemoryEngine.message(i)),
                                Set.of(),
                                FIRST_RECEIVED.plusSeconds(i)));
    }

    void fill(int messages) {
        for (int i = 0; i < messages; i++) {
            append();
        }
    }

    /** Where the server listens, for a client on a plain socket. */
    InetSocketAddress address() {
        return new InetSocketAddress(
                "127.0.0.1", server.boundAddress(Protocol.HTTP).getPort());
    }

    /** The {@code Host} header of a request to {@link #address()}. */
    String hostHeader() {
        return origin.substring("http://".length());
    }

    /** A new bearer token for the user, from the directory behind the server's authentication cache. */
    String bearerToken() {
        Directory directory = server.directory();
        if (directory instanceof CachingDirectory cache) {
            directory = cache.delegate();
        }
        if (!(directory instanceof TokenIssuer issuer)) {
            throw new IllegalStateException("the directory issues no tokens: " + directory.getClass());
        }
        return issuer.createToken(USER);
    }

    /** GET of the session resource. */
    HttpRequest sessionRequest() {
        return HttpRequest.newBuilder(URI.create(origin + "/.well-known/jmap"))
                .header("Authorization", authorization)
                .GET()
                .build();
    }

    /**
     * A mail client's first screen of the INBOX in one request: Email/query (inMailbox INBOX, receivedAt
     * descending, limit 50) and Email/get of the ids it found, with the properties of a message list.
     */
    HttpRequest firstScreenRequest() {
        String body = """
                {"using": ["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail"],
                 "methodCalls": [
                   ["Email/query", {"accountId": "%1$s", "filter": {"inMailbox": "%2$s"},
                     "sort": [{"property": "receivedAt", "isAscending": false}], "limit": 50}, "q"],
                   ["Email/get", {"accountId": "%1$s",
                     "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"},
                     "properties": ["id", "threadId", "mailboxIds", "keywords", "from", "to", "subject",
                       "receivedAt", "size", "preview", "hasAttachment"]}, "g"]]}
                """.formatted(account.value(), inbox.value());
        return HttpRequest.newBuilder(URI.create(origin + "/jmap/api"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * Email/set that sets ({@code set}) or clears the {@code $flagged} keyword of {@code emailId}: a small change that
     * moves the account's state, so the next Email/query cannot be answered from the results kept for the old one.
     */
    HttpRequest flagRequest(String emailId, boolean set) {
        String body = """
                {"using": ["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail"],
                 "methodCalls": [["Email/set", {"accountId": "%s",
                   "update": {"%s": {"keywords/$flagged": %s}}}, "s"]]}
                """.formatted(account.value(), emailId, set ? "true" : "null");
        return HttpRequest.newBuilder(URI.create(origin + "/jmap/api"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The id of an email of the INBOX, for {@link #flagRequest}. */
    String someEmailId() {
        return server.store()
                .search()
                .searchEmails(account, new SearchQuery.InMailbox(inbox), List.of())
                .getFirst()
                .value();
    }

    @Override
    public void close() {
        server.close();
    }
}
