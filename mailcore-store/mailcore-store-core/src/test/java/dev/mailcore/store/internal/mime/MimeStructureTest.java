/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static dev.mailcore.store.internal.mime.Messages.body;
import static dev.mailcore.store.internal.mime.Messages.crlf;
import static dev.mailcore.store.internal.mime.Messages.extract;
import static dev.mailcore.store.internal.mime.Messages.header;
import static dev.mailcore.store.internal.mime.Messages.multipart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.EmailAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimeStructureTest {
    @TempDir
    Path tempDir;

    private static final String NESTED = crlf(
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: text/plain",
            "",
            "hello",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "",
            "plain",
            "--inner",
            "Content-Type: text/html",
            "",
            "<b>html</b>",
            "--inner--",
            "--outer--");

    @Test
    void nestedMultipartsHaveImapSectionsAndExactOffsets() {
        BodyPart root = extract(NESTED, tempDir).summary().body();

        // Offsets counted by hand: the header line is 47 octets, the blank line 2, each "--outer" line 9.
        assertThat(root.section()).isEmpty();
        assertThat(root.span()).isEqualTo(new ByteSpan(0, 49, 246));
        BodyPart.Multipart mixed = multipart(root);
        assertThat(mixed.parts()).hasSize(2);

        BodyPart text = mixed.parts().get(0);
        assertThat(text.section()).isEqualTo("1");
        assertThat(text.span()).isEqualTo(new ByteSpan(58, 86, 91));
        assertThat(((BodyPart.Single) text).lines()).isEqualTo(1);

        BodyPart.Multipart alternative = multipart(mixed.parts().get(1));
        assertThat(alternative.section()).isEqualTo("2");
        assertThat(alternative.content().mediaType()).isEqualTo("multipart/alternative");
        assertThat(alternative.span()).isEqualTo(new ByteSpan(102, 157, 233));

        BodyPart plain = alternative.parts().get(0);
        assertThat(plain.section()).isEqualTo("2.1");
        assertThat(plain.content().mediaType()).isEqualTo("text/plain");
        assertThat(plain.span()).isEqualTo(new ByteSpan(166, 168, 173));

        BodyPart html = alternative.parts().get(1);
        assertThat(html.section()).isEqualTo("2.2");
        assertThat(html.content().mediaType()).isEqualTo("text/html");
        assertThat(html.span()).isEqualTo(new ByteSpan(184, 211, 222));
        assertThat(body(NESTED, html)).isEqualTo("<b>html</b>");
        assertThat(header(NESTED, html)).isEqualTo("Content-Type: text/html\r\n\r\n");
    }

    @Test
    void singlePartMessageBodyIsSectionOne() {
        String message = crlf("Subject: hi", "", "line one", "line two");
        BodyPart root = extract(message, tempDir).summary().body();

        assertThat(root).isInstanceOf(BodyPart.Single.class);
        assertThat(root.section()).isEqualTo("1");
        assertThat(root.content().mediaType()).isEqualTo("text/plain");
        assertThat(root.content().encoding()).isEqualTo("7bit");
        assertThat(root.span()).isEqualTo(new ByteSpan(0, 15, message.length()));
        assertThat(((BodyPart.Single) root).lines()).isEqualTo(2);
    }

    @Test
    void encapsulatedMessageWithMultipartHasItsOwnEnvelopeAndSections() {
        String message = crlf(
                "From: a@example.com",
                "Subject: outer",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "see attached",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "From: =?UTF-8?Q?J=C3=B6rg?= <j@example.org>",
                "Content-Type: multipart/alternative; boundary=c",
                "",
                "--c",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "inner plain",
                "--c",
                "Content-Type: text/html",
                "",
                "<p>inner html</p>",
                "--c--",
                "--b--");
        ExtractedMessage extracted = extract(message, tempDir);
        BodyPart.Multipart root = multipart(extracted.summary().body());

        BodyPart.Message forwarded = (BodyPart.Message) root.parts().get(1);
        assertThat(forwarded.section()).isEqualTo("2");
        assertThat(forwarded.content().mediaType()).isEqualTo("message/rfc822");
        assertThat(forwarded.envelope().subject()).isEqualTo("inner");
        assertThat(forwarded.envelope().from())
                .containsExactly(new EmailAddress("=?UTF-8?Q?J=C3=B6rg?=", "j", "example.org"));
        assertThat(forwarded.lines()).isEqualTo(13);
        assertThat(body(message, forwarded)).startsWith("Subject: inner\r\n").endsWith("--c--");

        BodyPart.Multipart inner = multipart(forwarded.body());
        assertThat(inner.section()).isEqualTo("2");
        assertThat(inner.span().headerStart()).isEqualTo(forwarded.span().bodyStart());
        assertThat(inner.span().end()).isEqualTo(forwarded.span().end());
        assertThat(inner.parts()).extracting(BodyPart::section).containsExactly("2.1", "2.2");
        assertThat(body(message, inner.parts().get(0))).isEqualTo("inner plain");
        assertThat(body(message, inner.parts().get(1))).isEqualTo("<p>inner html</p>");

        assertThat(extracted.document().body()).contains("see attached", "inner plain", "inner html");
        assertThat(extracted.summary().attachments()).singleElement().satisfies(a -> {
            assertThat(a.section()).isEqualTo("2");
            assertThat(a.mediaType()).isEqualTo("message/rfc822");
        });
    }

    @Test
    void encapsulatedSinglePartMessageBodyIsSectionNDotOne() {
        String message = crlf(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "",
                "just text",
                "--b--");
        BodyPart.Message forwarded = (BodyPart.Message)
                multipart(extract(message, tempDir).summary().body()).parts().get(0);

        assertThat(forwarded.section()).isEqualTo("1");
        assertThat(forwarded.body().section()).isEqualTo("1.1");
        assertThat(body(message, forwarded.body())).isEqualTo("just text");
    }

    @Test
    void missingFinalBoundaryEndsLastPartAtEndOfMessage() {
        String message =
                crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "first", "--b", "", "second, cut off");
        BodyPart.Multipart root = multipart(extract(message, tempDir).summary().body());

        assertThat(root.parts()).hasSize(2);
        assertThat(body(message, root.parts().get(0))).isEqualTo("first");
        assertThat(body(message, root.parts().get(1))).isEqualTo("second, cut off\r\n");
        assertThat(root.parts().get(1).span().end()).isEqualTo(message.length());
    }

    @Test
    void multipartWithoutAnyDelimiterBecomesATextLeafOverItsBody() {
        String message = crlf("Content-Type: multipart/mixed; boundary=nowhere", "", "no parts at all");
        BodyPart root = extract(message, tempDir).summary().body();

        assertThat(root).isInstanceOf(BodyPart.Single.class);
        assertThat(root.section()).isEqualTo("1");
        assertThat(root.content().mediaType()).isEqualTo("text/plain");
        assertThat(body(message, root)).isEqualTo("no parts at all\r\n");
    }

    @Test
    void messageWithoutHeaderBodySeparatorIsAllHeader() {
        String message = "Subject: only a header\r\nFrom: x@example.com";
        ExtractedMessage extracted = extract(message, tempDir);

        assertThat(extracted.summary().subject()).isEqualTo("only a header");
        assertThat(extracted.summary().body().span()).isEqualTo(new ByteSpan(0, message.length(), message.length()));
        assertThat(extracted.summary().headerSize()).isEqualTo(message.length());
    }

    @Test
    void messageWhoseFirstLineIsNoHeaderIsAllBody() {
        String message = crlf("Just some text, no header.", "Second line.");
        ExtractedMessage extracted = extract(message, tempDir);

        assertThat(extracted.summary().body().span()).isEqualTo(new ByteSpan(0, 0, message.length()));
        assertThat(extracted.document().body()).isEqualTo("Just some text, no header.\nSecond line.");
    }

    @Test
    void bareLineFeedsGiveExactByteOffsets() {
        String message = String.join(
                "\n",
                "Content-Type: multipart/mixed; boundary=lf",
                "",
                "--lf",
                "Content-Type: text/plain",
                "",
                "one",
                "two",
                "--lf",
                "",
                "three",
                "--lf--",
                "");
        BodyPart.Multipart root = multipart(extract(message, tempDir).summary().body());

        assertThat(root.span().bodyStart()).isEqualTo(message.indexOf("--lf"));
        BodyPart first = root.parts().get(0);
        assertThat(first.span().headerStart()).isEqualTo(message.indexOf("Content-Type: text/plain"));
        assertThat(first.span().bodyStart()).isEqualTo(message.indexOf("one"));
        assertThat(first.span().end()).isEqualTo(message.indexOf("two") + 3);
        assertThat(((BodyPart.Single) first).lines()).isEqualTo(2);
        BodyPart second = root.parts().get(1);
        assertThat(body(message, second)).isEqualTo("three");
        assertThat(second.span().headerStart()).isEqualTo(second.span().bodyStart() - 1);
    }

    @Test
    void eightBitBodyAndHeadersAreDecodedAsUtf8() {
        String message = crlf(
                "Subject: Grüße aus Köln",
                "From: Jörg Müller <jorg@example.de>",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Schöne Grüße");
        ExtractedMessage extracted = extract(message, tempDir);

        assertThat(extracted.summary().subject()).isEqualTo("Grüße aus Köln");
        assertThat(extracted.summary().envelope().subject()).isEqualTo("Grüße aus Köln");
        assertThat(extracted.summary().from()).containsExactly(new EmailAddress("Jörg Müller", "jorg", "example.de"));
        assertThat(extracted.summary().preview()).isEqualTo("Schöne Grüße");
        assertThat(extracted.summary().body().content().encoding()).isEqualTo("8bit");
        // Spans count octets, not characters.
        assertThat(extracted.summary().body().span().end())
                .isEqualTo(message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void emptyPartsAndDigestDefaults() {
        String message = crlf(
                "Content-Type: multipart/digest; boundary=d",
                "",
                "--d",
                "",
                "Subject: first digest entry",
                "",
                "entry body",
                "--d",
                "Content-Type: text/plain",
                "",
                "--d--");
        BodyPart.Multipart root = multipart(extract(message, tempDir).summary().body());

        assertThat(root.parts().get(0)).isInstanceOf(BodyPart.Message.class);
        assertThat(((BodyPart.Message) root.parts().get(0)).envelope().subject())
                .isEqualTo("first digest entry");
        BodyPart empty = root.parts().get(1);
        assertThat(empty.span().bodySize()).isZero();
        assertThat(((BodyPart.Single) empty).lines()).isZero();
    }
}
