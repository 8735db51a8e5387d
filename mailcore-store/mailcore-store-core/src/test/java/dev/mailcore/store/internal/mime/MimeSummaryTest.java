/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static dev.mailcore.store.internal.mime.Messages.crlf;
import static dev.mailcore.store.internal.mime.Messages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.message.Attachment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimeSummaryTest {
    @TempDir
    Path tempDir;

    private static final String MIXED = crlf(
            "Subject: report",
            "Content-Type: multipart/mixed; boundary=m",
            "",
            "--m",
            "Content-Type: multipart/related; boundary=r",
            "",
            "--r",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<html><head><style>p { color: red }</style><script>var secret = 1;</script></head>",
            "<body><p>Hello&nbsp;&amp; welcome,</p><p>caf=C3=A9 &#233; &#x263A; &lt;tag&gt;</p>=",
            "<img src=3D\"cid:logo\"></body></html>",
            "--r",
            "Content-Type: image/png",
            "Content-ID: <logo>",
            "Content-Transfer-Encoding: base64",
            "",
            "iVBORw0KGgo=",
            "--r--",
            "--m",
            "Content-Type: application/vnd.ms-excel; name=\"numbers.xls\"",
            "Content-Transfer-Encoding: base64",
            "",
            "0M8R4KGxGuE=",
            "--m",
            "Content-Type: text/plain; charset=iso-8859-1",
            "Content-Disposition: attachment; filename=notes.txt",
            "Content-Transfer-Encoding: base64",
            "",
            "bm90ZXMgd2l0aCBj6Q==",
            "--m--");

    @Test
    void htmlIsReducedToTextForPreviewAndSearch() {
        ExtractedMessage extracted = extract(MIXED, tempDir);

        assertThat(extracted.summary().preview()).isEqualTo("Hello & welcome, café é ☺ <tag>");
        assertThat(extracted.document().body())
                .contains("Hello & welcome,")
                .contains("café é ☺ <tag>")
                .contains("notes with cé")
                .doesNotContain("secret", "color", "<p>", "cid:logo");
    }

    @Test
    void attachmentsAreTheNonInlineParts() {
        ExtractedMessage extracted = extract(MIXED, tempDir);

        assertThat(extracted.summary().attachments())
                .containsExactly(
                        new Attachment("2", "numbers.xls", "application/vnd.ms-excel", 12),
                        new Attachment("3", "notes.txt", "text/plain", 20));
        assertThat(extracted.summary().hasAttachment()).isTrue();
        assertThat(extracted.document().attachmentNames()).containsExactly("numbers.xls", "notes.txt");
    }

    @Test
    void previewPrefersPlainTextAndIsCollapsedAndBounded() {
        String longLine = "word ".repeat(200);
        String message = crlf(
                "Content-Type: multipart/alternative; boundary=a",
                "",
                "--a",
                "Content-Type: text/html",
                "",
                "<p>html version</p>",
                "--a",
                "Content-Type: text/plain",
                "",
                "  plain\t\tversion",
                "",
                longLine,
                "--a--");
        String preview = extract(message, tempDir).summary().preview();

        assertThat(preview).startsWith("plain version word word");
        assertThat(preview).hasSize(256);
        assertThat(preview).doesNotContain("  ", "\n", "\t");
    }

    @Test
    void unknownCharsetFallsBackToUtf8OrLatin1() {
        String message = crlf("Content-Type: text/plain; charset=x-no-such-charset", "", "café");
        assertThat(extract(message, tempDir).document().body()).isEqualTo("café");
    }

    @Test
    void badBase64DecodesWhatItCan() {
        String message =
                crlf("Content-Type: text/plain", "Content-Transfer-Encoding: base64", "", "aGVs!!bG8g*d29y", "bGQ");
        assertThat(extract(message, tempDir).document().body()).isEqualTo("hello world");
    }

    @Test
    void searchBodyIsCappedAtOneMebiChar() {
        String huge = ("0123456789abcdef".repeat(64) + "\r\n").repeat(1200); // about 1.2 M characters
        String message = crlf("Content-Type: text/plain", "", huge);
        String body = extract(message, tempDir).document().body();

        assertThat(body).hasSize(TextCollector.MAX_BODY_CHARS);
    }
}
