/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static dev.mailcore.store.internal.mime.Messages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.message.BodyPart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class MimeRobustnessTest {
    @TempDir
    Path tempDir;

    @Test
    void nestingDeeperThanTheLimitEndsInALeaf() {
        int levels = 100;
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            message.append("Content-Type: multipart/mixed; boundary=b")
                    .append(i)
                    .append("\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        message.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (int i = levels - 1; i >= 0; i--) {
            message.append("--b").append(i).append("--\r\n");
        }
        BodyPart root = extract(message.toString(), tempDir).summary().body();
        MimeCorpusTest.assertWellFormed(root, root.span());
        BodyPart part = root;
        int depth = 0;
        while (part instanceof BodyPart.Multipart m) {
            part = m.parts().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(StructureParser.MAX_DEPTH);
        assertThat(part.content().mediaType()).isEqualTo("text/plain");
    }

    @Test
    void nestedMessagesAreBoundedToo() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            message.append("Subject: level ").append(i).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        message.append("Subject: bottom\r\n\r\nbottom text\r\n");
        BodyPart part = extract(message.toString(), tempDir).summary().body();
        int depth = 0;
        while (part instanceof BodyPart.Message m) {
            part = m.body();
            depth++;
        }
        assertThat(depth).isLessThanOrEqualTo(StructureParser.MAX_DEPTH);
        assertThat(part).isInstanceOf(BodyPart.Single.class);
    }

    @Test
    void partCountIsBounded() {
        StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (int i = 0; i < 12_000; i++) {
            message.append("--p\r\n\r\nx\r\n");
        }
        message.append("--p--\r\n");
        BodyPart.Multipart root = (BodyPart.Multipart)
                extract(message.toString(), tempDir).summary().body();

        assertThat(root.parts()).hasSize(StructureParser.MAX_PARTS - 1);
    }

    @Test
    void randomMutationsOfRealMessagesNeverFail() throws Exception {
        byte[] seed = Messages.crlf(
                        "From: =?utf-8?q?A?= <a@example.com>",
                        "Subject: =?utf-8?b?w6k=?=",
                        "Content-Type: multipart/mixed; boundary=\"b\"",
                        "",
                        "--b",
                        "Content-Type: text/html; charset=utf-8",
                        "Content-Transfer-Encoding: quoted-printable",
                        "",
                        "<p>caf=C3=A9 &amp; <script>x</script></p>",
                        "--b",
                        "Content-Type: message/rfc822",
                        "",
                        "Subject: inner",
                        "Content-Type: multipart/alternative; boundary=c",
                        "",
                        "--c",
                        "Content-Disposition: attachment; filename*=utf-8''%C3%A9.txt",
                        "",
                        "x",
                        "--c--",
                        "--b--")
                .getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        byte[] alphabet = "-\r\n:;=?\"<>@ \tb".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 2000; round++) {
            byte[] mutated = seed.clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(mutated.length);
                mutated[at] =
                        random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int cut = 1 + random.nextInt(mutated.length);
            byte[] message = java.util.Arrays.copyOf(mutated, cut);

            ExtractedMessage extracted = extract(message, tempDir);
            BodyPart body = extracted.summary().body();
            assertThat(body.span().end()).isEqualTo(message.length);
            MimeCorpusTest.assertWellFormed(body, body.span());
        }
    }

    @Test
    void hostileHeadersAndHtmlAreHandledInLinearTime() {
        String subject = "=?a?q?x".repeat(30_000);
        String references = "<".repeat(100_000);
        String html = "<a".repeat(200_000) + "&amp".repeat(100_000) + "<script>" + "x".repeat(100_000);
        String message = Messages.crlf(
                "Subject: " + subject,
                "References: " + references,
                "To: " + "\"a\\".repeat(20_000),
                "Content-Type: text/html",
                "",
                html);
        ExtractedMessage extracted = extract(message, tempDir);

        // Compared as a boolean so that a failure does not print 200 k characters.
        assertThat(subject.equals(extracted.summary().subject())).isTrue();
        assertThat(extracted.summary().references()).isEmpty();
        assertThat(BaseSubject.of("Re: ".repeat(100_000) + "topic")).isNotNull();
    }

    @Test
    void binaryGarbageGivesATextLeaf() {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        ExtractedMessage extracted = extract(garbage, tempDir);

        assertThat(extracted.summary().body().span().end()).isEqualTo(garbage.length);
        assertThat(extracted.summary().subject()).isNull();
    }
}
