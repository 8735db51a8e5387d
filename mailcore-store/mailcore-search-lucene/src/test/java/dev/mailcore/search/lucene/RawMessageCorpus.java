/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Raw RFC 5322 messages generated from a seed, varied in what the ingest path has to decode: single-part and
 * multipart (alternative with HTML, mixed with attachments), UTF-8 and ISO-8859-1 bodies, 8bit, quoted-printable and
 * base64 transfer encodings, encoded-word subjects and display names (B and Q), dates in several zones or none, and
 * replies that form threads. Body and subject words come from {@link GeneratedCorpus}'s vocabulary, so a one-word
 * body search means the same for the word-matching index and the reference.
 */
final class RawMessageCorpus {
    private static final String[] NAMES = {"Alice Liddell", "Dörte Müller", "Иван Петров", "山田太郎", "José Ñúñez", "Bob"};
    private static final String[] DOMAINS = {"example.org", "example.net", "mail.example.com"};
    private static final ZoneOffset[] ZONES = {
        ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHours(-7), ZoneOffset.ofHoursMinutes(5, 30)
    };
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    private final Random random;
    private final List<String> vocabulary;
    private final List<String> messageIds = new ArrayList<>();
    private int count;

    RawMessageCorpus(long seed) {
        this.random = new Random(seed);
        this.vocabulary = new GeneratedCorpus(seed, 300).vocabulary();
    }

    List<String> vocabulary() {
        return vocabulary;
    }

    /** The next message, with CRLF line ends. */
    String next() {
        String id = "m" + (count++) + "." + random.nextInt(1_000_000) + "@" + pick(DOMAINS);
        List<String> lines = new ArrayList<>();
        lines.add("From: " + address());
        lines.add("To: " + address() + (random.nextInt(3) == 0 ? ", " + address() : ""));
        if (random.nextInt(4) == 0) {
            lines.add("Cc: " + address());
        }
        lines.add("Subject: " + subject());
        if (random.nextInt(10) != 0) {
            Instant sent = Instant.parse("2025-06-01T00:00:00Z").plusSeconds(random.nextLong(400L * 86_400));
            lines.add(
                    "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(sent, pick(ZONES))));
        }
        lines.add("Message-ID: <" + id + ">");
        if (!messageIds.isEmpty() && random.nextInt(3) == 0) {
            String parent = messageIds.get(random.nextInt(messageIds.size()));
            lines.add("In-Reply-To: <" + parent + ">");
            lines.add("References: <" + parent + ">");
        }
        messageIds.add(id);
        lines.add("MIME-Version: 1.0");
        switch (random.nextInt(4)) {
            case 0 -> alternative(lines);
            case 1 -> mixed(lines);
            default -> textPart(lines, body());
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    private void alternative(List<String> lines) {
        String boundary = "alt-" + random.nextInt(1_000_000);
        String text = body();
        lines.add("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"");
        lines.add("");
        lines.add("--" + boundary);
        textPart(lines, text);
        lines.add("--" + boundary);
        lines.add("Content-Type: text/html; charset=utf-8");
        lines.add("");
        lines.add("<html><body><p>" + text.replace("\r\n", "</p>\r\n<p>") + "</p></body></html>");
        lines.add("--" + boundary + "--");
    }

    private void mixed(List<String> lines) {
        String boundary = "mix-" + random.nextInt(1_000_000);
        lines.add("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"");
        lines.add("");
        lines.add("--" + boundary);
        textPart(lines, body());
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            lines.add("--" + boundary);
            String name = word() + (random.nextBoolean() ? ".pdf" : ".JPG");
            lines.add("Content-Type: application/octet-stream");
            lines.add("Content-Transfer-Encoding: base64");
            lines.add("Content-Disposition: attachment; filename=\"" + encodedWord(name) + "\"");
            lines.add("");
            byte[] payload = new byte[50 + random.nextInt(3000)];
            random.nextBytes(payload);
            lines.add(Base64.getMimeEncoder().encodeToString(payload));
        }
        lines.add("--" + boundary + "--");
    }

    private void textPart(List<String> lines, String text) {
        boolean latin1 = LATIN1.newEncoder().canEncode(text) && random.nextBoolean();
        Charset charset = latin1 ? LATIN1 : StandardCharsets.UTF_8;
        switch (random.nextInt(3)) {
            case 0 -> {
                lines.add("Content-Type: text/plain; charset=" + charset.name().toLowerCase(Locale.ROOT));
                lines.add("Content-Transfer-Encoding: base64");
                lines.add("");
                lines.add(Base64.getMimeEncoder().encodeToString(text.getBytes(charset)));
            }
            case 1 -> {
                lines.add("Content-Type: text/plain; charset=" + charset.name().toLowerCase(Locale.ROOT));
                lines.add("Content-Transfer-Encoding: quoted-printable");
                lines.add("");
                lines.add(quotedPrintable(text, charset));
            }
            default -> {
                // 8bit: the raw message is written as UTF-8, so only UTF-8 can be declared here.
                lines.add("Content-Type: text/plain; charset=utf-8");
                lines.add("Content-Transfer-Encoding: 8bit");
                lines.add("");
                lines.add(text);
            }
        }
    }

    private String subject() {
        StringBuilder subject = new StringBuilder(random.nextInt(4) == 0 ? "Re: " : "");
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            String word = cased(word());
            subject.append(random.nextInt(3) == 0 ? encodedWord(word) : word).append(i > 1 ? " " : "");
        }
        return subject.toString();
    }

    private String address() {
        String name = pick(NAMES);
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String display = name.chars().allMatch(c -> c < 128) ? name : encodedWord(name);
        return display + " <" + (local.isEmpty() ? "user" + random.nextInt(20) : local) + "@" + pick(DOMAINS) + ">";
    }

    /** An RFC 2047 encoded-word, B or Q, in UTF-8 or (when it fits) ISO-8859-1. */
    private String encodedWord(String text) {
        Charset charset = LATIN1.newEncoder().canEncode(text) && random.nextBoolean() ? LATIN1 : StandardCharsets.UTF_8;
        byte[] bytes = text.getBytes(charset);
        if (random.nextBoolean()) {
            return "=?" + charset.name() + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
        }
        StringBuilder q = new StringBuilder("=?" + charset.name() + "?Q?");
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                q.append((char) c);
            } else if (c == ' ') {
                q.append('_');
            } else {
                q.append('=').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return q.append("?=").toString();
    }

    private static String quotedPrintable(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (byte b : text.getBytes(charset)) {
            int c = b & 0xff;
            String piece;
            if (c == '\r' || c == '\n') {
                out.append((char) c);
                lineLength = 0;
                continue;
            }
            piece = c >= 33 && c <= 126 && c != '=' ? String.valueOf((char) c) : String.format(Locale.ROOT, "=%02X", c);
            if (lineLength + piece.length() > 72) {
                out.append("=\r\n");
                lineLength = 0;
            }
            out.append(piece);
            lineLength += piece.length();
        }
        return out.toString();
    }

    private String body() {
        StringBuilder body = new StringBuilder();
        for (int i = 10 + random.nextInt(80); i > 0; i--) {
            body.append(cased(word())).append(random.nextInt(10) == 0 ? "\r\n" : i % 7 == 0 ? ", " : " ");
        }
        return body.toString().strip();
    }

    String word() {
        // Skewed, so that some words are common and others rare.
        return vocabulary.get((int) (Math.pow(random.nextDouble(), 2) * vocabulary.size()));
    }

    private String cased(String word) {
        return switch (random.nextInt(3)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            default -> word;
        };
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
