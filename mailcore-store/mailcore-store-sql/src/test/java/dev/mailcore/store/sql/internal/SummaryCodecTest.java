/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.Attachment;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.Envelope;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.message.Parameter;
import dev.mailcore.store.internal.mime.MimeExtractor;
import dev.mailcore.store.internal.mime.SpooledMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryCodecTest {
    @TempDir
    Path tempDir;

    static Stream<Named<Path>> corpus() throws IOException {
        Path root = Path.of(System.getProperty("mailcore.testdata"), "mime");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".msg")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(70);
        return files.stream().map(p -> Named.of(root.relativize(p).toString(), p));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everySummaryOfTheCorpusRoundTrips(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (SpooledMessage spooled =
                SpooledMessage.spool(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 1 << 20, tempDir)) {
            MessageSummary summary = new MimeExtractor().extract(spooled).summary();
            byte[] encoded = SummaryCodec.encode(summary);
            assertThat(SummaryCodec.decode(encoded)).isEqualTo(summary);
        }
    }

    @Test
    void nullsGroupsNestedMessagesAndOddStringsRoundTrip() {
        ContentInfo text = new ContentInfo(
                "text",
                "plain",
                List.of(new Parameter("charset", "utf-8")),
                null,
                null,
                "7bit",
                "inline",
                List.of(new Parameter("filename", "a b.txt")),
                List.of("en", "de"),
                null,
                null,
                "utf-8",
                "a b.txt");
        Envelope inner = new Envelope(
                "Mon, 1 Jan 2026 00:00:00 +0000",
                "sub\uD800ject \u00e9\u4e2d", // an unpaired surrogate, Latin-1 and CJK
                List.of(new EmailAddress(null, "a", "example.com")),
                List.of(),
                List.of(),
                List.of(new AddressGroup("team", List.of(new EmailAddress("B", "b", null)))),
                List.of(),
                List.of(),
                null,
                "<id@x>");
        BodyPart.Single leaf = new BodyPart.Single("1.1", text, new ByteSpan(300, 350, 1_000_000_000_000L), 3);
        BodyPart.Message nested = new BodyPart.Message("2", text, new ByteSpan(200, 250, 300), 9, inner, leaf);
        BodyPart.Multipart root =
                new BodyPart.Multipart("", text, new ByteSpan(0, 100, 1_000_000_000_001L), List.of(leaf, nested));
        MessageSummary summary = new MessageSummary(
                inner,
                root,
                Instant.ofEpochSecond(-5, 123_456_789),
                "",
                inner.from(),
                List.of(),
                List.of(),
                inner.to(),
                List.of(),
                List.of(),
                null,
                List.of("a@x", "b@y"),
                List.of(),
                null,
                List.of(new Attachment("2", null, "application/pdf", 12_345)));
        assertThat(SummaryCodec.decode(SummaryCodec.encode(summary))).isEqualTo(summary);
    }

    @Test
    void damagedBytesAreReportedAsCorruption() {
        byte[] encoded = SummaryCodec.encode(sample());
        byte[] truncated = Arrays.copyOf(encoded, encoded.length / 2);
        assertThatThrownBy(() -> SummaryCodec.decode(truncated))
                .isInstanceOfSatisfying(
                        MailException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.CORRUPTION));
        byte[] unknownFormat = encoded.clone();
        unknownFormat[0] = 99;
        assertThatThrownBy(() -> SummaryCodec.decode(unknownFormat)).isInstanceOf(MailException.class);
    }

    private static MessageSummary sample() {
        ContentInfo text = new ContentInfo(
                "text", "plain", List.of(), null, null, "7bit", null, List.of(), List.of(), null, null, null, null);
        return new MessageSummary(
                Envelope.EMPTY,
                new BodyPart.Single("1", text, new ByteSpan(0, 20, 100), 2),
                null,
                "hello",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                "hello",
                List.of());
    }
}
