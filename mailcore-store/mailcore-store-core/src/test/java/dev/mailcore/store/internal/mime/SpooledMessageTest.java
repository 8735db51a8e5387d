/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.message.Attachment;
import dev.mailcore.api.message.BodyPart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledMessageTest {
    @TempDir
    Path tempDir;

    @Test
    void smallMessageStaysInMemoryWithSha256BlobId() throws Exception {
        byte[] bytes = "Subject: x\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SpooledMessage message = spool(new ByteArrayInputStream(bytes), 1000, 1000)) {
            assertThat(message.size()).isEqualTo(bytes.length);
            assertThat(message.isOnDisk()).isFalse();
            assertThat(message.blobId().value())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            try (InputStream in = message.open()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            try (InputStream again = message.open()) {
                assertThat(again.readAllBytes()).isEqualTo(bytes);
            }
            byte[] buf = new byte[5];
            assertThat(message.read(14, buf, 0, 5)).isEqualTo(5);
            assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("hello");
            assertThat(message.read(bytes.length, buf, 0, 5)).isEqualTo(-1);
        }
        assertThat(listTemp()).isEmpty();
    }

    @Test
    void twentyMegabyteAttachmentIsSpooledToAPrivateTempFileAndStreamed() throws Exception {
        int attachmentSize = 20 * 1024 * 1024;
        String head = String.join(
                "\r\n",
                "Subject: big",
                "Content-Type: multipart/mixed; boundary=big",
                "",
                "--big",
                "Content-Type: text/plain",
                "",
                "see the attachment",
                "--big",
                "Content-Type: application/octet-stream; name=big.bin",
                "Content-Transfer-Encoding: base64",
                "",
                "");
        String tail = "\r\n--big--\r\n";
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)),
                new SequenceInputStream(
                        new Base64Lines(attachmentSize),
                        new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII))));
        long total = head.length() + attachmentSize + tail.length();

        Path file;
        try (SpooledMessage message = spool(in, Long.MAX_VALUE, 1024 * 1024)) {
            assertThat(message.size()).isEqualTo(total);
            assertThat(message.isOnDisk()).isTrue();
            file = message.tempFile();
            assertThat(file.getParent()).isEqualTo(tempDir);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(Files.getPosixFilePermissions(file))
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }

            ExtractedMessage extracted = MimeExtractor.extractOrThrow(message);
            BodyPart.Multipart root = (BodyPart.Multipart) extracted.summary().body();
            BodyPart attachment = root.parts().get(1);
            assertThat(attachment.span().bodyStart()).isEqualTo(head.length());
            assertThat(attachment.span().bodySize()).isEqualTo(attachmentSize);
            assertThat(extracted.summary().attachments())
                    .containsExactly(new Attachment("2", "big.bin", "application/octet-stream", attachmentSize));
            assertThat(extracted.summary().preview()).isEqualTo("see the attachment");
        }
        assertThat(Files.exists(file)).isFalse();
        assertThat(listTemp()).isEmpty();
    }

    @Test
    void moreThanMaxSizeIsTooLargeAndLeavesNoTempFile() throws Exception {
        InputStream in = new Base64Lines(5 * 1024 * 1024);
        assertThatThrownBy(() -> spool(in, 4 * 1024 * 1024, 1024))
                .isInstanceOfSatisfying(
                        MailException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.TOO_LARGE));
        assertThat(listTemp()).isEmpty();
    }

    @Test
    void exactlyMaxSizeIsAccepted() {
        try (SpooledMessage message = spool(new ByteArrayInputStream(new byte[100]), 100, 10)) {
            assertThat(message.size()).isEqualTo(100);
        }
    }

    @Test
    void emptyMessageIsInvalid() {
        assertThatThrownBy(() -> spool(new ByteArrayInputStream(new byte[0]), 100, 10))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ErrorReason.INVALID_MESSAGE);
                    assertThat(e.getMessage()).isEqualTo("message is empty");
                });
    }

    @Test
    void sharedStreamsKnowTheirAbsolutePlaceAndSupportMarkReset() throws Exception {
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        try (SpooledMessage message = spool(new ByteArrayInputStream(bytes), 100, 100)) {
            SpooledSharedInputStream whole = new SpooledSharedInputStream(message);
            SpooledSharedInputStream middle = whole.newStream(2, 8);
            SpooledSharedInputStream inner = middle.newStream(1, -1);
            assertThat(inner.absoluteStart()).isEqualTo(3);
            assertThat(inner.absoluteEnd()).isEqualTo(8);
            assertThat(inner.read()).isEqualTo('3');
            inner.mark(0);
            assertThat(inner.read()).isEqualTo('4');
            assertThat(inner.getPosition()).isEqualTo(2);
            inner.reset();
            assertThat(new String(inner.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("4567");
            assertThat(inner.read()).isEqualTo(-1);
        }
    }

    private SpooledMessage spool(InputStream in, long maxSize, int threshold) {
        return SpooledMessage.spool(in, maxSize, threshold, tempDir);
    }

    private java.util.List<Path> listTemp() throws Exception {
        try (Stream<Path> files = Files.list(tempDir)) {
            return files.toList();
        }
    }

    /** {@code size} octets of base64-looking lines (76 characters and CRLF), generated without holding them. */
    private static final class Base64Lines extends InputStream {
        private final long size;
        private long position;

        Base64Lines(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            int column = (int) (position++ % 78);
            return column == 76 ? '\r' : column == 77 ? '\n' : 'A' + column % 26;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
