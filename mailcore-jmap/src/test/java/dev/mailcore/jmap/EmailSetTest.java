/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendResult;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmailSetTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    private Email email(AppendResult appended) {
        return jmap.store
                .messages()
                .emails(jmap.alice, List.of(appended.emailId()))
                .get(appended.emailId());
    }

    @Test
    void keywordsAndMailboxesChangeByPatchAndWhole() {
        AppendResult appended = jmap.deliver("INBOX", "Subject: s\n\nbody\n");
        String id = appended.emailId().value();
        String inbox = jmap.mailbox("INBOX").id().value();
        String archive = jmap.mailbox("Archive").id().value();

        JsonNode patch = jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"update\":{\"" + id + "\":{\"keywords/$seen\":true,\"keywords/$flagged\":true,"
                        + "\"mailboxIds/" + archive + "\":true}}}");
        assertThat(patch.get("updated").has(id)).as(patch.toString()).isTrue();
        assertThat(email(appended).keywords()).containsExactlyInAnyOrder("$seen", "$flagged");
        assertThat(email(appended).mailboxUids()).hasSize(2);

        jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"update\":{\"" + id + "\":{\"keywords/$flagged\":null,\"mailboxIds\":{\""
                        + archive + "\":true}}}}");
        assertThat(email(appended).keywords()).containsExactly("$seen");
        assertThat(email(appended).mailboxUids().keySet())
                .extracting(Object::toString)
                .containsExactly(archive);

        jmap.call("Email/set", "{\"accountId\":\"$A\",\"update\":{\"" + id + "\":{\"keywords\":{\"work\":true}}}}");
        assertThat(email(appended).keywords()).containsExactly("work");
        assertThat(inbox).isNotEqualTo(archive);
    }

    @Test
    void badPatchesAreInvalidPropertiesAndUnknownEmailsNotFound() {
        String id = jmap.deliver("INBOX", "Subject: s\n\nbody\n").emailId().value();

        JsonNode response = jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"update\":{\"" + id + "\":{\"subject\":\"x\"},"
                        + "\"Mnope\":{\"keywords/$seen\":true}},"
                        + "\"create\":{\"k\":{\"subject\":\"new\"}}}");
        JsonNode empty =
                jmap.call("Email/set", "{\"accountId\":\"$A\",\"update\":{\"" + id + "\":{\"mailboxIds\":{}}}}");

        assertThat(response.get("notUpdated").get(id).get("type").asString()).isEqualTo("invalidProperties");
        assertThat(response.get("notUpdated").get("Mnope").get("type").asString())
                .isEqualTo("notFound");
        assertThat(response.get("notCreated").get("k").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(empty.get("notUpdated").get(id).get("type").asString()).isEqualTo("invalidProperties");
    }

    @Test
    void destroyRemovesTheEmailAndChangesReportIt() {
        String state = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();
        AppendResult kept = jmap.deliver("INBOX", "Subject: kept\n\nbody\n");
        AppendResult gone = jmap.deliver("INBOX", "Subject: gone\n\nbody\n");
        String after = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();

        JsonNode destroy = jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"destroy\":[\"" + gone.emailId().value() + "\",\"Mnope\"]}");
        JsonNode changes = jmap.call("Email/changes", "{\"accountId\":\"$A\",\"sinceState\":\"" + after + "\"}");
        JsonNode allChanges = jmap.call("Email/changes", "{\"accountId\":\"$A\",\"sinceState\":\"" + state + "\"}");
        JsonNode threads = jmap.call("Thread/changes", "{\"accountId\":\"$A\",\"sinceState\":\"" + after + "\"}");

        assertThat(destroy.get("destroyed").toString())
                .isEqualTo("[\"" + gone.emailId().value() + "\"]");
        assertThat(destroy.get("notDestroyed").get("Mnope").get("type").asString())
                .isEqualTo("notFound");
        assertThat(email(gone)).isNull();
        assertThat(changes.get("destroyed").toString())
                .isEqualTo("[\"" + gone.emailId().value() + "\"]");
        assertThat(allChanges.get("created").toString())
                .isEqualTo("[\"" + kept.emailId().value() + "\"]");
        assertThat(allChanges.get("destroyed")).isEmpty();
        assertThat(threads.get("destroyed").toString())
                .isEqualTo("[\"" + gone.threadId().value() + "\"]");
    }

    @Test
    void importStoresAnUploadInMailboxesWithKeywords() {
        String uploaded = jmap.send(jmap.request("/jmap/upload/" + jmap.accountId() + "/")
                        .header("Content-Type", "message/rfc822")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "From: x@example.com\r\nSubject: imported\r\n\r\nhello\r\n"))
                        .build())
                .body();
        String blobId = jmap.parse(uploaded).get("blobId").asString();
        String inbox = jmap.mailbox("INBOX").id().value();
        String archive = jmap.mailbox("Archive").id().value();

        JsonNode responses = jmap.api("[[\"Email/import\",{\"accountId\":\"$A\",\"emails\":{"
                        + "\"i1\":{\"blobId\":\"" + blobId + "\",\"mailboxIds\":{\"" + inbox + "\":true,\"" + archive
                        + "\":true},\"keywords\":{\"$seen\":true},\"receivedAt\":\"2026-02-01T08:00:00Z\"},"
                        + "\"i2\":{\"blobId\":\"unothere\",\"mailboxIds\":{\"" + inbox + "\":true}},"
                        + "\"i3\":{\"blobId\":\"" + blobId + "\",\"mailboxIds\":{}}}},\"imp\"],"
                        + "[\"Email/get\",{\"accountId\":\"$A\",\"ids\":[\"#i1\"],"
                        + "\"properties\":[\"subject\",\"keywords\",\"mailboxIds\",\"receivedAt\"]},\"get\"]]")
                .get("methodResponses");

        JsonNode imported = responses.get(0).get(1);
        String id = imported.get("created").get("i1").get("id").asString();
        assertThat(imported.get("created").get("i1").get("threadId").asString()).isNotEmpty();
        assertThat(imported.get("notCreated").get("i2").get("type").asString()).isEqualTo("blobNotFound");
        assertThat(imported.get("notCreated").get("i3").get("type").asString()).isEqualTo("invalidProperties");
        JsonNode email = responses.get(1).get(1).get("list").get(0);
        assertThat(email.get("id").asString()).isEqualTo(id);
        assertThat(email.get("subject").asString()).isEqualTo("imported");
        assertThat(email.get("keywords").has("$seen")).isTrue();
        assertThat(email.get("mailboxIds").size()).isEqualTo(2);
        assertThat(email.get("receivedAt").asString()).isEqualTo("2026-02-01T08:00:00Z");
        assertThat(jmap.store.messages().emails(jmap.alice, List.of(EmailId.of(id))))
                .hasSize(1);
    }
}
