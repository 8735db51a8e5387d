/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static dev.mailcore.store.internal.mime.Messages.crlf;
import static dev.mailcore.store.internal.mime.Messages.extract;
import static dev.mailcore.store.internal.mime.Messages.multipart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.Envelope;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.message.Parameter;
import dev.mailcore.api.spi.SearchDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimeHeadersTest {
    @TempDir
    Path tempDir;

    @Test
    void encodedWordsInQAndBWithUtf8AndLatin1AreDecoded() {
        String message = crlf(
                "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= =?ISO-8859-1?Q?_aus_K=F6ln?=",
                "From: =?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <jorg@example.de>",
                "To: =?iso-8859-1?q?Andr=E9?= <andre@example.fr>, plain@example.com",
                "",
                "x");
        ExtractedMessage extracted = extract(message, tempDir);
        MessageSummary summary = extracted.summary();

        assertThat(summary.subject()).isEqualTo("Grüße aus Köln");
        assertThat(summary.envelope().subject()).isEqualTo("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= =?ISO-8859-1?Q?_aus_K=F6ln?=");
        assertThat(summary.from()).containsExactly(new EmailAddress("Jörg Müller", "jorg", "example.de"));
        assertThat(summary.envelope().from())
                .containsExactly(new EmailAddress("=?UTF-8?B?SsO2cmcgTcO8bGxlcg==?=", "jorg", "example.de"));
        assertThat(summary.to())
                .containsExactly(
                        new EmailAddress("André", "andre", "example.fr"),
                        new EmailAddress(null, "plain", "example.com"));
        assertThat(extracted.document().from()).isEqualTo("Jörg Müller <jorg@example.de>");
        assertThat(extracted.document().to()).isEqualTo("André <andre@example.fr>, plain@example.com");
    }

    @Test
    void encodedWordSplitInsideAMultiByteCharacterIsJoinedBeforeDecoding() {
        // "ü" is C3 BC in UTF-8; here its two octets sit in two adjacent encoded-words.
        assertThat(EncodedWords.decode("=?utf-8?Q?Gr=C3?= =?utf-8?Q?=BC=C3=9Fe?="))
                .isEqualTo("Grüße");
        assertThat(EncodedWords.decode("not =?bogus encoded")).isEqualTo("not =?bogus encoded");
        assertThat(EncodedWords.decode("=?x-unknown?Q?caf=C3=A9?=")).isEqualTo("café");
    }

    @Test
    void rfc2231FileNamesAreDecodedAndParametersKeptAsTheyStand() {
        String message = crlf(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: application/pdf; name=\"fallback.pdf\"",
                "Content-Disposition: attachment;",
                " filename*0*=UTF-8''Gr%C3%BC%C3%9Fe%20;",
                " filename*1=\"aus K\";",
                " filename*2*=%C3%B6ln.pdf",
                "Content-Transfer-Encoding: BASE64",
                "",
                "JVBERi0=",
                "--b",
                "Content-Type: text/plain; charset=\"ISO-8859-1\"; name*=iso-8859-1'fr'r%E9sum%E9.txt",
                "Content-Language: fr, en",
                "Content-ID: <part2@example>",
                "Content-Description: the summary",
                "",
                "texte",
                "--b",
                "Content-Type: image/png; name=\"=?UTF-8?B?w6TDtsO8LnBuZw==?=\"",
                "",
                "iVBORw0K",
                "--b--");
        BodyPart.Multipart root = multipart(extract(message, tempDir).summary().body());

        ContentInfo pdf = root.parts().get(0).content();
        assertThat(pdf.fileName()).isEqualTo("Grüße aus Köln.pdf");
        assertThat(pdf.encoding()).isEqualTo("base64");
        assertThat(pdf.disposition()).isEqualTo("attachment");
        assertThat(pdf.dispositionParameters())
                .containsExactly(
                        new Parameter("filename*0*", "UTF-8''Gr%C3%BC%C3%9Fe%20"),
                        new Parameter("filename*1", "aus K"),
                        new Parameter("filename*2*", "%C3%B6ln.pdf"));
        assertThat(pdf.parameters()).containsExactly(new Parameter("name", "fallback.pdf"));

        ContentInfo text = root.parts().get(1).content();
        assertThat(text.fileName()).isEqualTo("résumé.txt");
        assertThat(text.charset()).isEqualTo("ISO-8859-1");
        assertThat(text.languages()).containsExactly("fr", "en");
        assertThat(text.id()).isEqualTo("<part2@example>");
        assertThat(text.description()).isEqualTo("the summary");
        assertThat(text.disposition()).isNull();

        assertThat(root.parts().get(2).content().fileName()).isEqualTo("äöü.png");
    }

    @Test
    void encodedWordAsUnquotedParameterValueIsDecoded() {
        // Seen in real mail (and in the corpus): Angus cannot parse this Content-Type at all.
        String message = crlf(
                "Content-Type: text/plain; charset=\"US-ASCII\"; name==?koi8-r?B?89DJ08/LLmRvYw==?=",
                "Content-Disposition: attachment; filename==?koi8-r?B?89DJ08/LLmRvYw==?=",
                "",
                "x");
        ContentInfo info = extract(message, tempDir).summary().body().content();

        assertThat(info.fileName()).isEqualTo("Список.doc");
        assertThat(info.mediaType()).isEqualTo("text/plain");
    }

    @Test
    void envelopeKeepsRawUnfoldedValuesAndGroups() {
        String message = crlf(
                "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)",
                "Subject: a folded",
                "\tsubject line",
                "From: \"Doe, John\" <john@example.com>",
                "To: undisclosed-recipients:;",
                "Cc: team: ann@example.com, Bob <bob@example.com>;, carol@example.com",
                "Reply-To: <reply@example.com>",
                "Message-ID: <abc@example.com>",
                "In-Reply-To: <parent@example.com>",
                "References: <root@example.com>\r\n <parent@example.com>",
                "",
                "body");
        MessageSummary summary = extract(message, tempDir).summary();
        Envelope envelope = summary.envelope();

        assertThat(envelope.date()).isEqualTo("Mon, 7 Feb 1994 21:52:25 -0800 (PST)");
        assertThat(envelope.subject()).isEqualTo("a folded\tsubject line");
        assertThat(envelope.from()).containsExactly(new EmailAddress("Doe, John", "john", "example.com"));
        assertThat(envelope.to()).containsExactly(new AddressGroup("undisclosed-recipients", java.util.List.of()));
        assertThat(envelope.cc())
                .containsExactly(
                        new AddressGroup(
                                "team",
                                java.util.List.of(
                                        new EmailAddress(null, "ann", "example.com"),
                                        new EmailAddress("Bob", "bob", "example.com"))),
                        new EmailAddress(null, "carol", "example.com"));
        assertThat(envelope.replyTo()).containsExactly(new EmailAddress(null, "reply", "example.com"));
        assertThat(envelope.sender()).isEmpty();
        assertThat(envelope.messageId()).isEqualTo("<abc@example.com>");
        assertThat(envelope.inReplyTo()).isEqualTo("<parent@example.com>");

        assertThat(summary.sentAt()).isEqualTo(Instant.parse("1994-02-08T05:52:25Z"));
        assertThat(summary.messageId()).isEqualTo("abc@example.com");
        assertThat(summary.inReplyTo()).containsExactly("parent@example.com");
        assertThat(summary.references()).containsExactly("root@example.com", "parent@example.com");
    }

    @Test
    void garbageHeadersGiveDefinedValues() {
        String message = crlf(
                "Date: the day after tomorrow",
                "From: <<<@@@>>>, \"unterminated",
                "To: ,,,",
                "Content-Type: ;;; =broken",
                "Message-ID: no-brackets@example.com",
                "",
                "body");
        MessageSummary summary = extract(message, tempDir).summary();

        assertThat(summary.sentAt()).isNull();
        assertThat(summary.body().content().mediaType()).isEqualTo("text/plain");
        assertThat(summary.to()).isEmpty();
        assertThat(summary.from()).isNotNull();
        assertThat(summary.messageId()).isEqualTo("no-brackets@example.com");
    }

    @Test
    void searchDocumentListsEveryHeaderDecodedInOrder() {
        String message = crlf(
                "Received: from a by b",
                "Subject: =?utf-8?q?caf=C3=A9?=",
                "X-Custom: =?utf-8?b?w6k=?=",
                "Received: from c by d",
                "",
                "x");
        SearchDocument document = extract(message, tempDir).document();

        assertThat(document.headers())
                .containsExactly(
                        new SearchDocument.Header("Received", "from a by b"),
                        new SearchDocument.Header("Subject", "café"),
                        new SearchDocument.Header("X-Custom", "é"),
                        new SearchDocument.Header("Received", "from c by d"));
        assertThat(document.subject()).isEqualTo("café");
        assertThat(document.cc()).isEmpty();
    }

    @Test
    void latin1EightBitHeaderFallsBackWhenNotUtf8() {
        byte[] message = "Subject: caf\u00e9\r\n\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(extract(message, tempDir).summary().subject()).isEqualTo("café");
    }
}
