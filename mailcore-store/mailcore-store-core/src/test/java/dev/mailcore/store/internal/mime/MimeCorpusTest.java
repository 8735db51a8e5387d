/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.EmailAddress;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the extractor over every message of the shared MIME corpus and checks it against a second parser, Angus
 * Mail. Where Angus can parse a (sub)tree, both must agree on the tree of media types, the number of children, and
 * the exact raw bytes of every leaf body. Where we disagree on purpose:
 *
 * <ul>
 *   <li>Angus throws on a multipart it cannot split (missing start boundary, no parts, unusable boundary): there we
 *       only require a well-formed result (a text/plain leaf over the whole body, or a multipart when our preamble
 *       rule found the opening delimiter that Angus missed because the boundary ends with blanks).
 *   <li>Angus cannot read some Content-Type values (a doubled {@code ;}, an encoded-word as an unquoted parameter
 *       value); we read them leniently, so that subtree is not compared.
 *   <li>The parts of multipart/digest default to message/rfc822 (RFC 2046 §5.1.5); Angus defaults them to
 *       text/plain.
 *   <li>A base64-encoded message/rfc822 cannot be located byte for byte, so we report it as an
 *       application/octet-stream leaf; Angus parses the base64 text as if it were a message. The raw bytes of that
 *       part must still agree.
 *   <li>{@link #HEADERLESS}: a message whose first line is not a header field has no header, and all of it is body
 *       (searchable); Angus reads every line up to the first empty one as a header.
 * </ul>
 */
@Timeout(120)
class MimeCorpusTest {
    private static final Map<String, String> HEADERLESS = Map.of(
            "malformedHeader-noheader.msg", "first line is plain text",
            "malformedHeaderStartsBody-noheader.msg", "first line is plain text");

    private static final Session SESSION = Session.getInstance(new Properties());

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
    void extractsWellFormedStructureThatAgreesWithAngus(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        try (SpooledMessage spooled = spool(bytes)) {
            ExtractedMessage extracted = MimeExtractor.extractOrThrow(spooled);
            BodyPart body = extracted.summary().body();

            assertThat(body.span().headerStart()).isZero();
            assertThat(body.span().end()).isEqualTo(bytes.length);
            assertWellFormed(body, body.span());

            MimeMessage angus = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
            String name = file.getFileName().toString();
            if (HEADERLESS.containsKey(name)) {
                assertThat(body.span().bodyStart()).isZero();
                assertThat(extracted.document().body()).isNotBlank();
                return;
            }
            compare(body, AngusTree.of(angus), bytes, false);
            assertThat(extracted.summary().subject()).isEqualTo(angus.getSubject());
            assertSameFrom(extracted.summary().from(), angus);
        }
    }

    /** Angus parsing through our {@link SpooledSharedInputStream} locates every leaf exactly where our spans say. */
    @ParameterizedTest
    @MethodSource("corpus")
    void sharedStreamGivesAngusTheSameOffsets(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        if (HEADERLESS.containsKey(file.getFileName().toString())) {
            return;
        }
        try (SpooledMessage spooled = spool(bytes)) {
            BodyPart body = MimeExtractor.extractOrThrow(spooled).summary().body();
            MimeMessage angus = new MimeMessage(SESSION, new SpooledSharedInputStream(spooled));
            List<long[]> ours = new ArrayList<>();
            List<long[]> theirs = new ArrayList<>();
            AngusTree tree = AngusTree.of(angus);
            collectComparableLeaves(body, tree, ours, theirs, false);
            boolean digestOnly = body instanceof BodyPart.Multipart m
                    && m.content().subtype().equals("digest");
            if (!tree.failed() && !digestOnly) {
                assertThat(ours).as("leaves compared").isNotEmpty();
            }
            for (int i = 0; i < ours.size(); i++) {
                assertThat(theirs.get(i)).as("leaf %d", i).containsExactly(ours.get(i));
            }
        }
    }

    private SpooledMessage spool(byte[] bytes) {
        return SpooledMessage.spool(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 1 << 20, tempDir);
    }

    static void assertWellFormed(BodyPart part, ByteSpan parent) {
        ByteSpan span = part.span();
        assertThat(span.headerStart())
                .as("%s starts inside its parent", part.section())
                .isGreaterThanOrEqualTo(parent.headerStart());
        assertThat(span.end()).as("%s ends inside its parent", part.section()).isLessThanOrEqualTo(parent.end());
        switch (part) {
            case BodyPart.Multipart m -> {
                assertThat(m.parts()).isNotEmpty();
                long previousEnd = span.bodyStart();
                for (int i = 0; i < m.parts().size(); i++) {
                    BodyPart child = m.parts().get(i);
                    String expected = m.section().isEmpty() ? "" + (i + 1) : m.section() + "." + (i + 1);
                    assertThat(child.section()).isEqualTo(expected);
                    assertThat(child.span().headerStart()).isGreaterThanOrEqualTo(previousEnd);
                    previousEnd = child.span().end();
                    assertWellFormed(child, new ByteSpan(span.bodyStart(), span.bodyStart(), span.end()));
                }
            }
            case BodyPart.Message m -> {
                String expected = m.body() instanceof BodyPart.Multipart ? m.section() : m.section() + ".1";
                assertThat(m.body().section()).isEqualTo(expected);
                assertThat(m.body().span().headerStart()).isEqualTo(span.bodyStart());
                assertThat(m.body().span().end()).isEqualTo(span.end());
                assertWellFormed(m.body(), new ByteSpan(span.bodyStart(), span.bodyStart(), span.end()));
            }
            case BodyPart.Single s -> assertThat(s.lines()).isNotNegative();
        }
    }

    private static void compare(BodyPart ours, AngusTree angus, byte[] bytes, boolean inDigest) throws Exception {
        String section = ours.section();
        if (angus.failed()) {
            // Angus rejects this subtree; ours must be a usable result (checked by assertWellFormed).
            assertThat(ours.content().type()).as(section).isIn("text", "multipart", "message", "application");
            return;
        }
        if (inDigest
                && ours.content().mediaType().equals("message/rfc822")
                && angus.mediaType().equals("text/plain")) {
            return; // RFC 2046 digest default; see the class comment.
        }
        if (ours instanceof BodyPart.Single s
                && s.content().mediaType().equals("application/octet-stream")
                && angus.mediaType().startsWith("message/")) {
            assertThat(body(bytes, s)).as(section).isEqualTo(angus.rawBytes());
            return;
        }
        assertThat(ours.content().mediaType()).as(section).isEqualTo(angus.mediaType());
        switch (ours) {
            case BodyPart.Multipart m -> {
                assertThat(m.parts()).as(section).hasSameSizeAs(angus.children());
                boolean digest = m.content().subtype().equals("digest");
                for (int i = 0; i < m.parts().size(); i++) {
                    compare(m.parts().get(i), angus.children().get(i), bytes, digest);
                }
            }
            case BodyPart.Message m -> {
                assertThat(angus.children()).as(section).hasSize(1);
                compare(m.body(), angus.children().get(0), bytes, false);
            }
            case BodyPart.Single s -> assertThat(body(bytes, s)).as(section).isEqualTo(angus.rawBytes());
        }
    }

    private static void collectComparableLeaves(
            BodyPart ours, AngusTree angus, List<long[]> mine, List<long[]> theirs, boolean inDigest) throws Exception {
        if (angus.failed()) {
            return;
        }
        if (ours instanceof BodyPart.Single s
                && s.content().mediaType().equals("application/octet-stream")
                && angus.mediaType().startsWith("message/")) {
            addLeaf(s, angus, mine, theirs); // the encoded message of the class comment
            return;
        }
        if (!ours.content().mediaType().equals(angus.mediaType())) {
            return;
        }
        switch (ours) {
            case BodyPart.Multipart m -> {
                for (int i = 0; i < Math.min(m.parts().size(), angus.children().size()); i++) {
                    collectComparableLeaves(m.parts().get(i), angus.children().get(i), mine, theirs, false);
                }
            }
            case BodyPart.Message m ->
                collectComparableLeaves(m.body(), angus.children().get(0), mine, theirs, false);
            case BodyPart.Single s -> addLeaf(s, angus, mine, theirs);
        }
    }

    private static void addLeaf(BodyPart.Single s, AngusTree angus, List<long[]> mine, List<long[]> theirs)
            throws Exception {
        mine.add(new long[] {s.span().bodyStart(), s.span().end()});
        SpooledSharedInputStream raw = (SpooledSharedInputStream) angus.rawBody();
        theirs.add(new long[] {raw.absoluteStart(), raw.absoluteEnd()});
    }

    private static byte[] body(byte[] bytes, BodyPart part) {
        return Arrays.copyOfRange(
                bytes, (int) part.span().bodyStart(), (int) part.span().end());
    }

    private static void assertSameFrom(List<Address> ours, MimeMessage angus) throws Exception {
        InternetAddress[] theirs;
        try {
            theirs = (InternetAddress[]) angus.getFrom();
        } catch (Exception e) {
            return; // Angus rejects the From header; ours was parsed leniently.
        }
        if (theirs == null) {
            assertThat(ours).isEmpty();
            return;
        }
        List<String> theirAddresses =
                Arrays.stream(theirs).map(InternetAddress::getAddress).toList();
        List<String> ourAddresses = ours.stream()
                .map(a -> a instanceof EmailAddress e ? e.address() : "group")
                .toList();
        assertThat(ourAddresses).isEqualTo(theirAddresses);
        for (int i = 0; i < theirs.length; i++) {
            if (ours.get(i) instanceof EmailAddress e) {
                assertThat(e.name()).isEqualTo(theirs[i].getPersonal());
            }
        }
    }
}
