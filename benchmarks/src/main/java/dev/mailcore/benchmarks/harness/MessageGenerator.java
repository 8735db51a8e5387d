/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates a mailbox of realistic messages from a seed: plain text, multipart/alternative and messages with
 * attachments, in US-ASCII, UTF-8 and ISO-8859-1 with encoded-word subjects. Message {@code i} depends only on the
 * seed and {@code i}, so the mailbox is the same every time.
 *
 * <p>Two marker words make search results checkable: {@link #RARE_WORD} is in the plain-text part of a few known
 * messages and {@link #COMMON_WORD} in every even-numbered one. Markers are only ever in text parts that are not
 * base64-encoded and never in headers, so any server that searches decoded text finds exactly those messages. One
 * message, found by the subject word {@link #LARGE_SUBJECT_WORD}, has a body of about 100 KB.
 */
final class MessageGenerator {
    static final String RARE_WORD = "quetzalbloom";
    static final String COMMON_WORD = "lanternfish";
    static final String LARGE_SUBJECT_WORD = "hundredkilobytes";
    static final int LARGE_BODY_OCTETS = 100 * 1024;

    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");
    private static final String[] WORDS =
            ("account agenda almost answer april budget calendar change coffee contract customer deadline"
                            + " delivery design draft estimate evening feedback figure finance forward garden holiday"
                            + " invoice kitchen ladder launch letter meeting minutes monday morning number office"
                            + " order outline package paper partner payment people picture plan pleased project"
                            + " proposal quarter question receipt report request review river schedule second"
                            + " service shipment signature simple station status summary supplier support table"
                            + " thanks ticket today travel update version weekend window winter yesterday")
                    .split(" ");
    private static final String[] LATIN_WORDS = {
        "café", "déjà", "façade", "naïve", "Müller", "Größe", "señor", "Ångström", "crème", "brûlée"
    };
    private static final String[] UTF8_WORDS = {"Grüße", "naïve", "Zürich", "Ελλάδα", "Привет", "日本語", "€", "Łódź"};
    private static final String[] NAMES = {"Ada Lind", "Björn Åkesson", "Chloé Martin", "Dmitri Ivanov", "Eve Ng"};

    private final long seed;
    private final int count;

    MessageGenerator(long seed, int count) {
        if (count < 10) {
            throw new IllegalArgumentException("at least 10 messages, so that the markers have distinct places");
        }
        this.seed = seed;
        this.count = count;
    }

    int count() {
        return count;
    }

    /** Indexes of the messages holding {@link #RARE_WORD}. */
    Set<Integer> rareIndexes() {
        return new TreeSet<>(Set.of(7, count / 2 + 1, count - 3));
    }

    int largeIndex() {
        return count / 3;
    }

    boolean hasCommonWord(int index) {
        return index % 2 == 0;
    }

    /** How many messages a TEXT search for {@code word} must find. */
    long expectedMatches(String word) {
        return switch (word) {
            case RARE_WORD -> rareIndexes().size();
            case COMMON_WORD -> (count + 1) / 2;
            default -> throw new IllegalArgumentException("not a marker word: " + word);
        };
    }

    /** Message {@code index} as CRLF-terminated RFC 5322 octets. */
    byte[] message(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        StringBuilder markers = new StringBuilder();
        if (rareIndexes().contains(index)) {
            markers.append(RARE_WORD).append(' ');
        }
        if (hasCommonWord(index)) {
            markers.append(COMMON_WORD).append(' ');
        }
        if (index == largeIndex()) {
            return large(index, random, markers.toString());
        }
        Flavour flavour = Flavour.values()[random.nextInt(Flavour.values().length)];
        String text = paragraphs(random, flavour, 3 + random.nextInt(25), markers.toString());
        StringBuilder m = headers(index, random, flavour, words(random, 3 + random.nextInt(3), flavour));
        int shape = random.nextInt(10);
        if (shape < 4) {
            m.append(textPart(flavour, text));
        } else if (shape < 7) {
            m.append("Content-Type: multipart/alternative; boundary=\"alt-")
                    .append(index)
                    .append("\"\r\n\r\n");
            alternative(m, index, flavour, text);
        } else {
            m.append("Content-Type: multipart/mixed; boundary=\"mix-")
                    .append(index)
                    .append("\"\r\n\r\n");
            m.append("--mix-").append(index).append("\r\n");
            if (shape == 9) {
                m.append("Content-Type: multipart/alternative; boundary=\"alt-")
                        .append(index)
                        .append("\"\r\n\r\n");
                alternative(m, index, flavour, text);
            } else {
                m.append(textPart(flavour, text));
            }
            m.append("--mix-").append(index).append("\r\n");
            attachment(m, random, 2_000 + random.nextInt(28_000));
            m.append("--mix-").append(index).append("--\r\n");
        }
        return encode(m);
    }

    private byte[] large(int index, Random random, String markers) {
        return plainText(index, random, "report " + LARGE_SUBJECT_WORD + " appendix", markers, LARGE_BODY_OCTETS, 0);
    }

    /**
     * A plain-text message of at least {@code octets} octets (one line more at most), without marker words, so that delivering it keeps
     * search counts right. {@code index} should lie beyond {@link #count()} to keep its Message-ID apart.
     */
    byte[] sized(int index, int octets) {
        Random random = new Random(seed * 1_000_003L + index);
        return plainText(index, random, "delivery " + index, "", 0, octets);
    }

    private byte[] plainText(
            int index, Random random, String subject, String markers, int bodyOctets, int totalOctets) {
        StringBuilder m = headers(index, random, Flavour.ASCII, subject);
        m.append("Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        m.append(markers).append("\r\n");
        int start = m.length();
        while (m.length() - start < bodyOctets || m.length() < totalOctets) {
            m.append(line(random, Flavour.ASCII)).append("\r\n");
        }
        return encode(m);
    }

    private StringBuilder headers(int index, Random random, Flavour flavour, String subject) {
        Instant date = EPOCH.plusSeconds(index * 2_237L);
        StringBuilder m = new StringBuilder(4_096);
        String name = NAMES[random.nextInt(NAMES.length)];
        m.append("Return-Path: <sender").append(index % 97).append("@example.org>\r\n");
        m.append("Date: ").append(DATE.format(date)).append("\r\n");
        m.append("From: ")
                .append(flavour == Flavour.ASCII ? '"' + ascii(name) + '"' : encodedWord(name, flavour))
                .append(" <sender")
                .append(index % 97)
                .append("@example.org>\r\n");
        m.append("To: Demo User <demo@localhost>\r\n");
        m.append("Subject: ")
                .append(flavour == Flavour.ASCII ? subject : encodedWord(subject, flavour))
                .append("\r\n");
        m.append("Message-ID: <").append(index).append('.').append(seed).append("@generator.localhost>\r\n");
        if (index > 0 && random.nextInt(4) == 0) {
            m.append("In-Reply-To: <")
                    .append(random.nextInt(index))
                    .append('.')
                    .append(seed)
                    .append("@generator.localhost>\r\n");
        }
        m.append("MIME-Version: 1.0\r\n");
        return m;
    }

    private static void alternative(StringBuilder m, int index, Flavour flavour, String text) {
        m.append("--alt-").append(index).append("\r\n");
        m.append(textPart(flavour, text));
        m.append("--alt-").append(index).append("\r\n");
        m.append("Content-Type: text/html; charset=")
                .append(flavour.charset.name())
                .append("\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        String html = "<html><body><p>" + text.replace("\r\n\r\n", "</p><p>") + "</p></body></html>";
        m.append(base64Lines(html.getBytes(flavour.charset)));
        m.append("--alt-").append(index).append("--\r\n");
    }

    private static String textPart(Flavour flavour, String text) {
        String headers =
                "Content-Type: text/plain; charset=" + flavour.charset.name().toLowerCase(Locale.ROOT) + "\r\n";
        return switch (flavour) {
            case ASCII -> headers + "Content-Transfer-Encoding: 7bit\r\n\r\n" + text + "\r\n";
            // 8bit UTF-8 is carried as ISO-8859-1 chars holding the UTF-8 octets (see encode).
            case UTF_8 ->
                headers + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                        + new String(text.getBytes(StandardCharsets.UTF_8), LATIN_1) + "\r\n";
            case LATIN_1 ->
                headers + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quotedPrintable(text) + "\r\n";
        };
    }

    private static void attachment(StringBuilder m, Random random, int size) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        m.append("Content-Type: application/octet-stream; name=\"scan-")
                .append(size)
                .append(".bin\"\r\nContent-Disposition: attachment; filename=\"scan-")
                .append(size)
                .append(".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        m.append(base64Lines(content));
    }

    private static String paragraphs(Random random, Flavour flavour, int lines, String markers) {
        StringBuilder text = new StringBuilder("Hello,\r\n\r\n");
        int markerLine = random.nextInt(lines);
        for (int i = 0; i < lines; i++) {
            if (i == markerLine && !markers.isEmpty()) {
                text.append(markers);
            }
            text.append(line(random, flavour)).append("\r\n");
            if (random.nextInt(6) == 0) {
                text.append("\r\n");
            }
        }
        return text.append("\r\nRegards\r\n").toString();
    }

    private static String line(Random random, Flavour flavour) {
        return words(random, 4 + random.nextInt(5), flavour);
    }

    private static String words(Random random, int n, Flavour flavour) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            String[] extra = flavour == Flavour.LATIN_1 ? LATIN_WORDS : flavour == Flavour.UTF_8 ? UTF8_WORDS : null;
            s.append(
                    extra != null && random.nextInt(8) == 0
                            ? extra[random.nextInt(extra.length)]
                            : WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String encodedWord(String text, Flavour flavour) {
        if (flavour == Flavour.UTF_8) {
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
        }
        StringBuilder q = new StringBuilder("=?ISO-8859-1?Q?");
        for (byte b : text.getBytes(LATIN_1)) {
            int c = b & 0xff;
            if (c == ' ') {
                q.append('_');
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                q.append((char) c);
            } else {
                q.append(String.format(Locale.ROOT, "=%02X", c));
            }
        }
        return q.append("?=").toString();
    }

    /** Quoted-printable of short lines: every line stays under 76 octets, so no soft breaks split a word. */
    private static String quotedPrintable(String text) {
        StringBuilder q = new StringBuilder();
        for (byte b : text.getBytes(LATIN_1)) {
            int c = b & 0xff;
            if (c == '\r' || c == '\n' || (c >= 32 && c < 127 && c != '=')) {
                q.append((char) c);
            } else {
                q.append(String.format(Locale.ROOT, "=%02X", c));
            }
        }
        return q.toString();
    }

    private static String base64Lines(byte[] content) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(content) + "\r\n";
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7e]", "");
    }

    /** The builder holds one char per octet (8bit UTF-8 parts were widened already). */
    private static byte[] encode(StringBuilder m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(m.length());
        out.writeBytes(m.toString().getBytes(LATIN_1));
        return out.toByteArray();
    }

    private enum Flavour {
        ASCII(StandardCharsets.US_ASCII),
        UTF_8(StandardCharsets.UTF_8),
        LATIN_1(StandardCharsets.ISO_8859_1);

        final Charset charset;

        Flavour(Charset charset) {
            this.charset = charset;
        }
    }
}
