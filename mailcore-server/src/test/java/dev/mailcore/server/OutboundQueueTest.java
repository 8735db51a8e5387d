/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.store.FileBlobStore;
import jakarta.mail.SendFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail for other domains through the whole server: authenticated submission and JMAP EmailSubmission put it into the
 * outbound queue, a vacation reply to a sender elsewhere goes there too, and unauthenticated relaying is refused.
 */
class OutboundQueueTest {
    @TempDir
    Path data;

    @Test
    void authenticatedSubmissionToAnotherDomainIsQueuedAndUnauthenticatedRelayIsRefused() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice", "pw")
                .smtp("127.0.0.1", 0)
                .submission("127.0.0.1", 0)
                .build()
                .start()) {
            int smtp = server.boundAddress(Protocol.SMTP).getPort();
            int submission = server.boundAddress(Protocol.SUBMISSION).getPort();

            assertThatThrownBy(() -> MailClient.send("127.0.0.1", smtp, "friend@elsewhere.org", "open relay?"))
                    .isInstanceOf(SendFailedException.class)
                    .hasStackTraceContaining("550 5.7.1");
            assertThat(server.outboundQueue().list(10)).isEmpty();

            MailClient.submit(
                    "127.0.0.1",
                    submission,
                    "alice",
                    "pw",
                    "alice@localhost",
                    "friend@elsewhere.org",
                    "Hello from afar");

            QueuedMessage queued = server.outboundQueue().list(10).getFirst();
            assertThat(queued.envelope().sender()).isEqualTo("alice@localhost");
            assertThat(queued.envelope().recipients())
                    .singleElement()
                    .satisfies(r -> assertThat(r.address()).isEqualTo("friend@elsewhere.org"));
            assertThat(bytes(server, queued))
                    .startsWith("Received: from ")
                    .contains("with ESMTPA")
                    .contains("Subject: Hello from afar");
        }
    }

    @Test
    void theQueueOnH2SurvivesARestart() throws Exception {
        String id;
        try (MailServer server = h2Server()) {
            MailClient.submit(
                    "127.0.0.1",
                    server.boundAddress(Protocol.SUBMISSION).getPort(),
                    "alice",
                    "pw",
                    "alice@localhost",
                    "friend@elsewhere.org",
                    "Kept across restarts");
            id = server.outboundQueue().list(10).getFirst().id();
        }
        try (MailServer server = h2Server()) {
            List<QueuedMessage> queued = server.outboundQueue().list(10);
            assertThat(queued).extracting(QueuedMessage::id).containsExactly(id);
            assertThat(bytes(server, queued.getFirst())).contains("Subject: Kept across restarts");
        }
    }

    @Test
    void theBlobSweepLeavesTheBytesOfQueuedMail() throws Exception {
        try (MailServer server = h2Server()) {
            MailClient.submit(
                    "127.0.0.1",
                    server.boundAddress(Protocol.SUBMISSION).getPort(),
                    "alice",
                    "pw",
                    "alice@localhost",
                    "friend@elsewhere.org",
                    "Only the queue names me");
        }
        BlobId orphan;
        try (FileBlobStore blobs = FileBlobStore.open(data.resolve("blobs"))) {
            orphan = blobs.put(new ByteArrayInputStream("nobody names me".getBytes(StandardCharsets.US_ASCII)));
        }
        // Older than the hour a sweep leaves to appends in progress.
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, old);
            }
        }
        try (MailServer server = MailServer.builder()
                .store(StoreKind.H2)
                .dataDirectory(data)
                .search(SearchKind.SCAN)
                .user("alice", "pw")
                .imap("127.0.0.1", 0)
                .blobSweepInterval(Duration.ofMillis(200))
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(blobFile(orphan)));
            assertThat(bytes(server, server.outboundQueue().list(10).getFirst()))
                    .contains("Subject: Only the queue names me");
        }
    }

    private Path blobFile(BlobId blob) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(f -> f.getFileName().toString().equals(blob.value()))
                    .findFirst()
                    .orElse(data.resolve("missing"));
        }
    }

    @Test
    void jmapSubmissionsAndVacationRepliesToOtherDomainsAreQueued() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice", "pw")
                .user("bob", "pw")
                .smtp("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build()
                .start()) {
            int http = server.boundAddress(Protocol.HTTP).getPort();
            JmapClient alice = JmapClient.http(http, "alice", "pw");
            String drafts = alice.call("""
                            [["Mailbox/query", {"accountId": "%1$s", "filter": {"role": "drafts"}}, "q"]]""").get(0).get(1).path("ids").get(0).asString();
            var responses = alice.call("""
                    [["Email/set", {"accountId": "%1$s", "create": {"d": {
                       "mailboxIds": {"DRAFTS": true},
                       "from": [{"email": "alice@localhost"}], "to": [{"email": "carol@elsewhere.org"}],
                       "subject": "Sent over JMAP to another domain",
                       "textBody": [{"partId": "t", "type": "text/plain"}],
                       "bodyValues": {"t": {"value": "Hello Carol."}}}}}, "e"],
                     ["EmailSubmission/set", {"accountId": "%1$s",
                       "create": {"s": {"identityId": "primary", "emailId": "#d"}}}, "s"]]""".replace("DRAFTS", drafts));
            assertThat(responses.get(1).get(1).path("created").has("s"))
                    .as(responses.toString())
                    .isTrue();

            JmapClient.http(http, "bob", "pw").call("""
                    [["VacationResponse/set", {"accountId": "%1$s", "update": {"singleton": {
                       "isEnabled": true, "textBody": "I am away until Monday."}}}, "v"]]
                    """);
            MailClient.send(
                    "127.0.0.1",
                    server.boundAddress(Protocol.SMTP).getPort(),
                    "dan@elsewhere.org",
                    "bob@localhost",
                    "Are you in?",
                    Map.of());

            List<QueuedMessage> queued = server.outboundQueue().list(10);
            assertThat(queued)
                    .extracting(q -> q.envelope().recipients().getFirst().address())
                    .containsExactly("carol@elsewhere.org", "dan@elsewhere.org");
            assertThat(queued.get(0).envelope().sender()).isEqualTo("alice@localhost");
            assertThat(bytes(server, queued.get(0))).contains("Subject: Sent over JMAP to another domain");
            // An auto-reply goes from the null reverse path, so nothing bounces back to it (RFC 3834).
            assertThat(queued.get(1).envelope().sender()).isEmpty();
            assertThat(bytes(server, queued.get(1))).contains("Subject: Auto: Are you in?");
        }
    }

    private MailServer h2Server() {
        return MailServer.builder()
                .store(StoreKind.H2)
                .dataDirectory(data)
                .search(SearchKind.SCAN)
                .user("alice", "pw")
                .submission("127.0.0.1", 0)
                .build()
                .start();
    }

    private static String bytes(MailServer server, QueuedMessage queued) throws IOException {
        try (InputStream in = server.outboundQueue().open(queued.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
