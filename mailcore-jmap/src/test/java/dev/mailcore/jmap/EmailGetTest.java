/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmailGetTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    private static final String ALTERNATIVE = """
            From: "Bob Builder" <bob@example.com>
            Sender: list@example.com
            To: alice@example.com, Carol <carol@example.com>
            Cc: undisclosed:;
            Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= from the
             builder
            Date: Tue, 03 Mar 2026 10:15:00 +0100
            Message-ID: <m1@example.com>
            In-Reply-To: <m0@example.com>
            References: <r0@example.com> <m0@example.com>
            X-Tag: one
            X-Tag: two
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=utf-8

            Hello plain text, long enough to truncate.
            --inner
            Content-Type: text/html; charset=utf-8

            <p>Hello <b>html</b></p>
            --inner--
            --outer
            Content-Type: application/pdf; name=report.pdf
            Content-Disposition: attachment; filename=report.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """;

    private JsonNode get(AppendResult email, String extra) {
        return jmap.call(
                        "Email/get",
                        "{\"accountId\":\"$A\",\"ids\":[\"" + email.emailId().value() + "\"]" + extra + "}")
                .get("list")
                .get(0);
    }

    @Test
    void defaultPropertiesShowEnvelopeAndIdsSharedWithImap() {
        AppendResult appended = jmap.deliver("INBOX", ALTERNATIVE);

        JsonNode email = get(appended, "");

        assertThat(email.get("id").asString()).isEqualTo(appended.emailId().value());
        assertThat(email.get("threadId").asString())
                .isEqualTo(appended.threadId().value());
        assertThat(email.get("mailboxIds").has(jmap.mailbox("INBOX").id().value()))
                .isTrue();
        assertThat(email.get("keywords").isEmpty()).isTrue();
        assertThat(email.get("size").asLong()).isEqualTo(appended.size());
        assertThat(email.get("subject").asString()).isEqualTo("Grüße from the builder");
        assertThat(email.get("from").get(0).get("name").asString()).isEqualTo("Bob Builder");
        assertThat(email.get("from").get(0).get("email").asString()).isEqualTo("bob@example.com");
        assertThat(email.get("to").size()).isEqualTo(2);
        assertThat(email.get("sender").get(0).get("email").asString()).isEqualTo("list@example.com");
        assertThat(email.get("bcc").isNull()).isTrue();
        assertThat(email.get("messageId").toString()).isEqualTo("[\"m1@example.com\"]");
        assertThat(email.get("inReplyTo").toString()).isEqualTo("[\"m0@example.com\"]");
        assertThat(email.get("references").toString()).isEqualTo("[\"r0@example.com\",\"m0@example.com\"]");
        assertThat(email.get("sentAt").asString()).isEqualTo("2026-03-03T10:15:00+01:00");
        assertThat(email.get("receivedAt").asString()).endsWith("Z");
        assertThat(email.get("hasAttachment").asBoolean()).isTrue();
        assertThat(email.get("preview").asString()).startsWith("Hello plain text");
        assertThat(email.get("bodyValues").isEmpty()).isTrue();
    }

    @Test
    void bodyListsFollowTheStructureAndBodyValuesDecode() {
        AppendResult appended = jmap.deliver("INBOX", ALTERNATIVE);

        JsonNode email = get(
                appended,
                ",\"properties\":[\"textBody\",\"htmlBody\",\"attachments\",\"bodyValues\",\"bodyStructure\"],"
                        + "\"fetchAllBodyValues\":true,\"maxBodyValueBytes\":11");

        assertThat(email.get("textBody").size()).isEqualTo(1);
        assertThat(email.get("textBody").get(0).get("type").asString()).isEqualTo("text/plain");
        assertThat(email.get("htmlBody").get(0).get("type").asString()).isEqualTo("text/html");
        JsonNode attachment = email.get("attachments").get(0);
        assertThat(attachment.get("name").asString()).isEqualTo("report.pdf");
        assertThat(attachment.get("disposition").asString()).isEqualTo("attachment");
        assertThat(attachment.get("type").asString()).isEqualTo("application/pdf");
        String textPart = email.get("textBody").get(0).get("partId").asString();
        JsonNode value = email.get("bodyValues").get(textPart);
        assertThat(value.get("value").asString()).isEqualTo("Hello plain");
        assertThat(value.get("isTruncated").asBoolean()).isTrue();
        assertThat(value.get("isEncodingProblem").asBoolean()).isFalse();
        JsonNode structure = email.get("bodyStructure");
        assertThat(structure.get("type").asString()).isEqualTo("multipart/mixed");
        assertThat(structure.get("partId").isNull()).isTrue();
        assertThat(structure.get("subParts").get(0).get("type").asString()).isEqualTo("multipart/alternative");
        assertThat(structure.get("subParts").get(0).get("subParts").size()).isEqualTo(2);
    }

    @Test
    void onlyTextBodyValuesWhenAskedForText() {
        AppendResult appended = jmap.deliver("INBOX", ALTERNATIVE);

        JsonNode email = get(appended, ",\"properties\":[\"bodyValues\",\"htmlBody\"],\"fetchTextBodyValues\":true");

        assertThat(email.get("bodyValues").size()).isEqualTo(1);
        String htmlPart = email.get("htmlBody").get(0).get("partId").asString();
        assertThat(email.get("bodyValues").has(htmlPart)).isFalse();
    }

    @Test
    void headerPropertiesInRawAndTextFormAndAll() {
        AppendResult appended = jmap.deliver("INBOX", ALTERNATIVE);

        JsonNode email = get(
                appended,
                ",\"properties\":[\"header:Subject:asText\",\"header:x-tag\",\"header:X-Tag:all\",\"header:Nope\",\"headers\"]");

        assertThat(email.get("header:Subject:asText").asString()).isEqualTo("Grüße from the builder");
        assertThat(email.get("header:x-tag").asString()).isEqualTo(" two");
        assertThat(email.get("header:X-Tag:all").toString()).isEqualTo("[\" one\",\" two\"]");
        assertThat(email.get("header:Nope").isNull()).isTrue();
        assertThat(email.get("headers").get(0).get("name").asString()).isEqualTo("From");
    }

    @Test
    void headerPropertiesInParsedForms() {
        AppendResult appended = jmap.deliver("INBOX", """
                From: "Bob, the Builder" <bob@example.com>
                To: team: ann@example.com, =?UTF-8?Q?J=C3=B6rg?= <jorg@example.com>;, solo@example.com
                Date: Tue, 3 Mar 2026 10:15:00 +0100 (CET)
                References: <a@x> (first)
                 <b@x>
                List-Post: <mailto:list@example.com>, <https://example.com/post>
                Subject: forms

                body
                """);

        JsonNode email = get(
                appended,
                ",\"properties\":[\"header:From:asAddresses\",\"header:To:asGroupedAddresses\","
                        + "\"header:Date:asDate\",\"header:References:asMessageIds\",\"header:List-Post:asURLs\","
                        + "\"header:To:asAddresses:all\"]");

        assertThat(email.get("header:From:asAddresses").toString())
                .isEqualTo("[{\"name\":\"Bob, the Builder\",\"email\":\"bob@example.com\"}]");
        JsonNode groups = email.get("header:To:asGroupedAddresses");
        assertThat(groups.get(0).get("name").asString()).isEqualTo("team");
        assertThat(groups.get(0).get("addresses").get(1).get("name").asString()).isEqualTo("Jörg");
        assertThat(groups.get(1).get("name").isNull()).isTrue();
        assertThat(groups.get(1).get("addresses").get(0).get("email").asString())
                .isEqualTo("solo@example.com");
        assertThat(email.get("header:Date:asDate").asString()).isEqualTo("2026-03-03T10:15:00+01:00");
        assertThat(email.get("header:References:asMessageIds").toString()).isEqualTo("[\"a@x\",\"b@x\"]");
        assertThat(email.get("header:List-Post:asURLs").toString())
                .isEqualTo("[\"mailto:list@example.com\",\"https://example.com/post\"]");
        assertThat(email.get("header:To:asAddresses:all").get(0).size()).isEqualTo(3);
    }

    @Test
    void unknownIdsAreNotFoundAndUnknownPropertiesRefused() {
        JsonNode response = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[\"Mnothere\"]}");
        JsonNode bad = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[],\"properties\":[\"colour\"]}");
        JsonNode badForm =
                jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[],\"properties\":[\"header:X:asNothing\"]}");

        assertThat(response.get("notFound").toString()).isEqualTo("[\"Mnothere\"]");
        assertThat(bad.get("type").asString()).isEqualTo("invalidArguments");
        assertThat(badForm.get("type").asString()).isEqualTo("invalidArguments");
    }

    @Test
    void threadGetListsTheEmailsOfAThread() {
        AppendResult first = jmap.deliver("INBOX", "Message-ID: <t1@x>\nSubject: topic\n\none\n");
        AppendResult reply =
                jmap.deliver("INBOX", "Message-ID: <t2@x>\nIn-Reply-To: <t1@x>\nSubject: Re: topic\n\ntwo\n");

        JsonNode response = jmap.call(
                "Thread/get",
                "{\"accountId\":\"$A\",\"ids\":[\"" + first.threadId().value() + "\",\"Tnope\"]}");

        assertThat(reply.threadId()).isEqualTo(first.threadId());
        // Both arrived in the same second: the order between them is the store's to choose.
        List<String> emailIds = new ArrayList<>();
        response.get("list").get(0).get("emailIds").forEach(e -> emailIds.add(e.asString()));
        assertThat(emailIds)
                .containsExactlyInAnyOrder(
                        first.emailId().value(), reply.emailId().value());
        assertThat(response.get("notFound").toString()).isEqualTo("[\"Tnope\"]");
    }
}
