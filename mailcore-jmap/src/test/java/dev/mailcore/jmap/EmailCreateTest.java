/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmailCreateTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    private String raw(String id) {
        try (InputStream in = jmap.store.contents().open(jmap.alice, EmailId.of(id))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDraftFromJsonIsStoredAndReadsBackThroughEmailGet() {
        String drafts = jmap.mailbox("Drafts").id().value();
        String attachment = jmap.upload("report body", "text/csv");

        JsonNode response = jmap.api("[[\"Email/set\",{\"accountId\":\"$A\",\"create\":{\"d1\":{"
                + "\"mailboxIds\":{\"" + drafts + "\":true},\"keywords\":{\"$draft\":true,\"$seen\":true},"
                + "\"from\":[{\"name\":\"Alice Ä\",\"email\":\"alice@example.com\"}],"
                + "\"to\":[{\"email\":\"bob@example.com\"}],\"subject\":\"Grüße und Plan\","
                + "\"sentAt\":\"2026-03-01T10:00:00+02:00\",\"header:X-Tag:asText\":\"eins\","
                + "\"textBody\":[{\"partId\":\"t\",\"type\":\"text/plain\"}],"
                + "\"htmlBody\":[{\"partId\":\"h\",\"type\":\"text/html\"}],"
                + "\"attachments\":[{\"blobId\":\"" + attachment + "\",\"type\":\"text/csv\",\"name\":\"r.csv\"}],"
                + "\"bodyValues\":{\"t\":{\"value\":\"Hallo Bob\"},\"h\":{\"value\":\"<p>Hallo Bob</p>\"}}}}},\"s\"],"
                + "[\"Email/get\",{\"accountId\":\"$A\",\"ids\":[\"#d1\"],\"properties\":[\"subject\",\"from\","
                + "\"to\",\"sentAt\",\"keywords\",\"mailboxIds\",\"hasAttachment\",\"textBody\",\"attachments\","
                + "\"bodyValues\",\"header:X-Tag:asText\"],\"fetchTextBodyValues\":true},\"g\"]]");

        JsonNode created =
                response.get("methodResponses").get(0).get(1).get("created").get("d1");
        assertThat(created.get("id").asString()).isNotEmpty();
        assertThat(created.get("blobId").asString()).isNotEmpty();
        assertThat(created.get("threadId").asString()).isNotEmpty();
        assertThat(created.get("size").asLong()).isPositive();
        JsonNode email =
                response.get("methodResponses").get(1).get(1).get("list").get(0);
        assertThat(email.get("subject").asString()).isEqualTo("Grüße und Plan");
        assertThat(email.get("from").get(0).get("name").asString()).isEqualTo("Alice Ä");
        assertThat(email.get("to").get(0).get("email").asString()).isEqualTo("bob@example.com");
        assertThat(email.get("sentAt").asString()).isEqualTo("2026-03-01T10:00:00+02:00");
        assertThat(email.get("keywords").has("$draft")).isTrue();
        assertThat(email.get("mailboxIds").has(drafts)).isTrue();
        assertThat(email.get("hasAttachment").asBoolean()).isTrue();
        assertThat(email.get("header:X-Tag:asText").asString()).isEqualTo("eins");
        String textPart = email.get("textBody").get(0).get("partId").asString();
        assertThat(email.get("bodyValues").get(textPart).get("value").asString())
                .isEqualTo("Hallo Bob");
        assertThat(email.get("attachments").get(0).get("name").asString()).isEqualTo("r.csv");
        String message = raw(created.get("id").asString());
        assertThat(message)
                .contains("multipart/mixed")
                .contains("multipart/alternative")
                .contains("Message-ID: <");
        Email stored = jmap.store
                .messages()
                .emails(jmap.alice, List.of(EmailId.of(created.get("id").asString())))
                .values()
                .iterator()
                .next();
        assertThat(stored.keywords()).containsExactlyInAnyOrder("$draft", "$seen");
    }

    @Test
    void aBodyStructureIsBuiltAsGiven() {
        String inbox = jmap.mailbox("INBOX").id().value();
        JsonNode response = jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"create\":{\"b\":{\"mailboxIds\":{\"" + inbox + "\":true},"
                        + "\"subject\":\"structured\",\"bodyStructure\":{\"type\":\"multipart/alternative\","
                        + "\"subParts\":[{\"partId\":\"1\",\"type\":\"text/plain\"},"
                        + "{\"partId\":\"2\",\"type\":\"text/html\"}]},"
                        + "\"bodyValues\":{\"1\":{\"value\":\"plain\"},\"2\":{\"value\":\"<b>html</b>\"}}}}}");

        String id = response.get("created").get("b").get("id").asString();
        assertThat(raw(id))
                .contains("multipart/alternative")
                .contains("<b>html</b>")
                .contains("plain");
    }

    @Test
    void badCreatesAreSetErrors() {
        String inbox = jmap.mailbox("INBOX").id().value();
        String box = "\"mailboxIds\":{\"" + inbox + "\":true}";
        JsonNode response = jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"create\":{"
                        + "\"noBox\":{\"subject\":\"x\"},"
                        + "\"serverSet\":{" + box + ",\"id\":\"M1\"},"
                        + "\"both\":{" + box
                        + ",\"bodyStructure\":{\"partId\":\"1\"},\"textBody\":[{\"partId\":\"1\"}],"
                        + "\"bodyValues\":{\"1\":{\"value\":\"x\"}}},"
                        + "\"noValue\":{" + box + ",\"textBody\":[{\"partId\":\"9\"}]},"
                        + "\"truncated\":{" + box + ",\"textBody\":[{\"partId\":\"1\"}],"
                        + "\"bodyValues\":{\"1\":{\"value\":\"x\",\"isTruncated\":true}}},"
                        + "\"cte\":{" + box + ",\"bodyStructure\":{\"partId\":\"1\","
                        + "\"header:Content-Transfer-Encoding\":\"base64\"},\"bodyValues\":{\"1\":{\"value\":\"x\"}}},"
                        + "\"badAddress\":{" + box + ",\"from\":[{\"name\":\"x\"}]},"
                        + "\"noBlob\":{" + box + ",\"attachments\":[{\"blobId\":\"uNOPE\",\"type\":\"image/png\"}]}}}");

        JsonNode notCreated = response.get("notCreated");
        for (String id : List.of("noBox", "serverSet", "both", "noValue", "truncated", "cte", "badAddress")) {
            assertThat(notCreated.get(id).get("type").asString()).as(id).isEqualTo("invalidProperties");
        }
        assertThat(notCreated.get("noBox").get("properties").get(0).asString()).isEqualTo("mailboxIds");
        assertThat(notCreated.get("noBlob").get("type").asString()).isEqualTo("blobNotFound");
        assertThat(notCreated.get("noBlob").get("notFound").get(0).asString()).isEqualTo("uNOPE");
        assertThat(response.get("created").isNull()).isTrue();
    }

    @Test
    void copyNeedsAnotherAccount() {
        JsonNode same = jmap.call("Email/copy", "{\"fromAccountId\":\"$A\",\"accountId\":\"$A\",\"create\":{}}");
        JsonNode other = jmap.api("[[\"Email/copy\",{\"fromAccountId\":\"" + jmap.bob.value()
                        + "\",\"accountId\":\"$A\",\"create\":{}},\"c\"]]")
                .get("methodResponses")
                .get(0);
        JsonNode toOther = jmap.api("[[\"Email/copy\",{\"fromAccountId\":\"$A\",\"accountId\":\"" + jmap.bob.value()
                        + "\",\"create\":{}},\"c\"]]")
                .get("methodResponses")
                .get(0);

        assertThat(same.get("type").asString()).isEqualTo("invalidArguments");
        assertThat(other.get(0).asString()).isEqualTo("error");
        assertThat(other.get(1).get("type").asString()).isEqualTo("fromAccountNotFound");
        assertThat(toOther.get(1).get("type").asString()).isEqualTo("accountNotFound");
    }

    @Test
    void parseReadsAnUploadedMessageWithoutStoringIt() {
        String message = "From: Carol <carol@example.org>\r\nTo: alice@example.com\r\nSubject: Parsed\r\n"
                + "Message-ID: <p1@example.org>\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\n"
                + "Content-Type: text/plain\r\n\r\nThe   body text\r\n";
        String blob = jmap.upload(message, "message/rfc822");
        String before =
                jmap.call("Email/query", "{\"accountId\":\"$A\"}").get("ids").toString();

        JsonNode response =
                jmap.call("Email/parse", "{\"accountId\":\"$A\",\"blobIds\":[\"" + blob + "\",\"uMISSING\"]}");
        JsonNode bad = jmap.call(
                "Email/parse", "{\"accountId\":\"$A\",\"blobIds\":[\"" + blob + "\"],\"properties\":[\"mailboxIds\"]}");

        JsonNode parsed = response.get("parsed").get(blob);
        assertThat(parsed.get("subject").asString()).isEqualTo("Parsed");
        assertThat(parsed.get("from").get(0).get("name").asString()).isEqualTo("Carol");
        assertThat(parsed.get("messageId").get(0).asString()).isEqualTo("p1@example.org");
        assertThat(parsed.get("sentAt").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(parsed.get("preview").asString()).isEqualTo("The body text");
        assertThat(response.get("notFound").get(0).asString()).isEqualTo("uMISSING");
        assertThat(bad.get("type").asString()).isEqualTo("invalidArguments");
        assertThat(jmap.call("Email/query", "{\"accountId\":\"$A\"}").get("ids").toString())
                .isEqualTo(before);
    }
}
