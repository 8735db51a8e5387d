/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.search.lucene.internal.TextFolding;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic random mail text for differential tests: headers with repeated fields, whitespace runs and Lucene
 * syntax characters, encoded-word-like subjects, addresses with non-ASCII display names, attachment names, and bodies
 * in several scripts.
 *
 * <p>Body words come from a vocabulary in which no word occurs inside another word except at its start (compared
 * folded), and bodies hold only those words, numbers and separators followed by whitespace. So for a search text that
 * is one vocabulary word, "the folded body contains it" and "a body word starts with it" are the same, which is what
 * lets the word-matching body be compared with the reference exactly.
 */
final class GeneratedCorpus {
    private static final String[] LATIN_SYLLABLES = {
        "ka", "lo", "mi", "ne", "tu", "ra", "vo", "gre", "stra", "bü", "ße", "ël", "çi", "qua", "pho", "dö", "rÉ", "xy"
    };
    private static final String[] CYRILLIC_SYLLABLES = {"при", "вет", "мос", "ква", "дру", "жба", "ЁЖ", "щу"};
    private static final String[] GREEK_SYLLABLES = {"κα", "λη", "μέ", "ρα", "κό", "σμε", "ΛΌ", "ΓΟΣ", "ψυ"};
    private static final String[] HANGUL_SYLLABLES = {"안", "녕", "하", "세", "요", "메", "일", "검", "색"};
    private static final String[] HAN = {"山田", "太郎", "写真", "会議", "報告", "東京", "電子", "郵便"};
    private static final String[] NAMES = {
        "Alice Liddell",
        "Bob the Builder",
        "Dörte Müller",
        "Ζωή Παπαδοπούλου",
        "Иван Петров",
        "山田太郎",
        "O'Brien \"Bob\"",
        "José Ñúñez",
        "Zoë*Star",
        "Ölaf (IT)"
    };
    private static final String[] DOMAINS = {"example.org", "example.net", "mail.example.com", "xn--mller-kva.de"};
    private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "; ", "\r\n", "\t", "! ", "\u00a0 "};
    private static final String[] SYNTAX = {"*", "\"", ":", "\\", "(", ")", "+", "-", "~", "?", "[", "]", "&&", "||"};

    private final Random random;
    private final List<String> vocabulary;

    GeneratedCorpus(long seed, int vocabularySize) {
        this.random = new Random(seed);
        this.vocabulary = vocabulary(vocabularySize);
    }

    /** The body words, as written (not folded). */
    List<String> vocabulary() {
        return vocabulary;
    }

    SearchDocument document() {
        List<SearchDocument.Header> headers = new ArrayList<>();
        String from = addresses(1);
        String to = addresses(1 + random.nextInt(3));
        String cc = random.nextInt(3) == 0 ? addresses(1 + random.nextInt(2)) : "";
        String bcc = random.nextInt(8) == 0 ? addresses(1) : "";
        String subject = subject();
        headers.add(new SearchDocument.Header("From", from));
        headers.add(new SearchDocument.Header("To", to));
        if (!cc.isEmpty()) {
            headers.add(new SearchDocument.Header(random.nextBoolean() ? "Cc" : "CC", cc));
        }
        if (!bcc.isEmpty()) {
            headers.add(new SearchDocument.Header("Bcc", bcc));
        }
        headers.add(new SearchDocument.Header("Subject", subject));
        headers.add(new SearchDocument.Header(
                "Message-ID", "<" + random.nextInt(1_000_000) + "." + word() + "@" + pick(DOMAINS) + ">"));
        for (int i = random.nextInt(3); i >= 0; i--) {
            headers.add(new SearchDocument.Header(
                    "Received", "from " + pick(DOMAINS) + " by mx" + random.nextInt(9) + "." + pick(DOMAINS)));
        }
        if (random.nextBoolean()) {
            headers.add(new SearchDocument.Header(
                    "X-Mailer", pick(new String[] {"Acme Mailer 5.2", "Thunderbird", "山田 Mail"})));
        }
        if (random.nextInt(4) == 0) {
            headers.add(new SearchDocument.Header("X-Tag", words(1 + random.nextInt(3)) + pick(SYNTAX)));
        }
        List<String> attachments = new ArrayList<>();
        for (int i = random.nextInt(4) - 1; i > 0; i--) {
            attachments.add(attachmentName());
        }
        return new SearchDocument(headers, subject, from, to, cc, bcc, body(), attachments, null);
    }

    /** A word that is in no document: it is made of letters the vocabulary does not use. */
    String absentWord() {
        return "zzw" + (char) ('a' + random.nextInt(26)) + "jjv";
    }

    private String subject() {
        StringBuilder subject = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                subject.append(random.nextInt(5) == 0 ? "\t  " : " ");
            }
            switch (random.nextInt(6)) {
                case 0 ->
                    subject.append("=?UTF-8?Q?")
                            .append(word().replace(' ', '_'))
                            .append("?=");
                case 1 -> subject.append(pick(HAN));
                case 2 -> subject.append(pick(SYNTAX));
                case 3 -> subject.append(Normalizer.normalize(word(), Normalizer.Form.NFD));
                default -> subject.append(cased(word()));
            }
        }
        return subject.toString();
    }

    private String addresses(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(", ");
            }
            String name = pick(NAMES);
            String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            text.append(name)
                    .append(" <")
                    .append(local.isEmpty() ? "user" + random.nextInt(50) : local)
                    .append('@')
                    .append(pick(DOMAINS))
                    .append('>');
        }
        return text.toString();
    }

    private String attachmentName() {
        String base = switch (random.nextInt(4)) {
            case 0 -> "Invoice-2026-0" + random.nextInt(10);
            case 1 -> pick(HAN);
            case 2 -> "a*b:c(" + random.nextInt(10) + ")";
            default -> cased(word());
        };
        return base + pick(new String[] {".PDF", ".pdf", ".docx", ".jpg", ".tar.gz"});
    }

    private String body() {
        StringBuilder body = new StringBuilder();
        int words = 20 + random.nextInt(100);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                body.append(pick(SEPARATORS));
            }
            body.append(random.nextInt(15) == 0 ? Integer.toString(random.nextInt(3000)) : cased(word()));
        }
        return body.toString();
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i > 0 ? " " : "").append(cased(word()));
        }
        return text.toString();
    }

    private String word() {
        // Skewed, so that some words are common and others rare.
        int index = (int) (Math.pow(random.nextDouble(), 2) * vocabulary.size());
        return vocabulary.get(index);
    }

    private String cased(String word) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            default -> word;
        };
    }

    private List<String> vocabulary(int size) {
        List<String> words = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        while (words.size() < size) {
            String[] syllables = switch (random.nextInt(6)) {
                case 0 -> CYRILLIC_SYLLABLES;
                case 1 -> GREEK_SYLLABLES;
                case 2 -> HANGUL_SYLLABLES;
                default -> LATIN_SYLLABLES;
            };
            StringBuilder word = new StringBuilder();
            for (int i = 2 + random.nextInt(3); i > 0; i--) {
                word.append(pick(syllables));
            }
            String candidate = TextFolding.fold(word.toString());
            if (folded.stream().noneMatch(other -> insideOther(candidate, other))) {
                words.add(word.toString());
                folded.add(candidate);
            }
        }
        return List.copyOf(words);
    }

    /** Whether either occurs in the other other than at its start, or they are equal. */
    private static boolean insideOther(String a, String b) {
        return a.equals(b) || a.indexOf(b, 1) >= 0 || b.indexOf(a, 1) >= 0;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
