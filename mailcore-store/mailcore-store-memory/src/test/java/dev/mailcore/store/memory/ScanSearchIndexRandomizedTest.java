/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.store.tck.SearchDocumentBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compares the index with a brute-force evaluation over a few thousand random documents and random queries. The
 * oracle matches with regular expressions (case-insensitive, whitespace runs as {@code \s+}) on the raw documents,
 * so it shares no code with the index; the vocabulary avoids letters whose case mapping is not one-to-one.
 */
class ScanSearchIndexRandomizedTest {
    private static final AccountId ACCOUNT = AccountId.of("random");
    private static final List<String> WORDS = List.of(
            "alpha",
            "Beta",
            "GAMMA",
            "delta",
            "Grüsse",
            "KÖLN",
            "ПРИВЕТ",
            "мир",
            "Hello",
            "world",
            "x-ray",
            "a.b@c.org");
    private static final List<String> SEPARATORS = List.of(" ", "  ", "\r\n ", "\t", "\n", ", ");
    private static final List<String> HEADER_NAMES = List.of("x-tag", "X-TAG", "subject", "X-Missing");
    private static final int DOCUMENTS = 3000;
    private static final int QUERIES = 300;

    private final Random random = new Random(20260317L);
    private final Oracle oracle = new Oracle();

    @Test
    void agreesWithBruteForceOnRandomDocumentsAndQueries() {
        Map<EmailId, SearchDocument> documents = new HashMap<>();
        try (ScanSearchIndex index = new ScanSearchIndex()) {
            for (int i = 0; i < DOCUMENTS; i++) {
                EmailId id = EmailId.of("e" + i);
                SearchDocument document = randomDocument();
                documents.put(id, document);
                index.index(ACCOUNT, id, document);
            }

            int selective = 0;
            for (int q = 0; q < QUERIES; q++) {
                SearchQuery query = randomQuery(3);
                Set<EmailId> expected = new HashSet<>();
                documents.forEach((id, document) -> {
                    if (oracle.matches(query, document)) {
                        expected.add(id);
                    }
                });

                assertThat(index.search(ACCOUNT, query)).as("%s", query).isEqualTo(expected);
                if (!expected.isEmpty() && expected.size() < DOCUMENTS) {
                    selective++;
                }
            }
            // Guards the generator: most queries must split the documents, or the comparison proves little.
            assertThat(selective).isGreaterThan(QUERIES / 2);
        }
    }

    private SearchDocument randomDocument() {
        SearchDocumentBuilder builder = SearchDocumentBuilder.document()
                .subject(words(1, 4))
                .from(words(0, 2))
                .to(words(0, 2))
                .cc(words(0, 1))
                .bcc(words(0, 1))
                .body(words(0, 8));
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.header("X-Tag", words(1, 2));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.attachment(pick(WORDS) + ".pdf");
        }
        return builder.build();
    }

    private String words(int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(pick(SEPARATORS));
            }
            text.append(pick(WORDS));
        }
        return text.toString();
    }

    private SearchQuery randomQuery(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 7);
        return switch (kind) {
            case 0 -> new SearchQuery.HeaderContains(pick(HEADER_NAMES), needle());
            case 1 -> new SearchQuery.AddressContains(pick(List.of(AddressField.values())), needle());
            case 2 -> new SearchQuery.SubjectContains(needle());
            case 3 -> new SearchQuery.BodyContains(needle());
            case 4, 5 -> new SearchQuery.TextContains(needle());
            case 6 -> new SearchQuery.AttachmentNameContains(needle());
            case 7 -> new SearchQuery.And(List.of(randomQuery(depth - 1), randomQuery(depth - 1)));
            case 8 -> new SearchQuery.Or(List.of(randomQuery(depth - 1), randomQuery(depth - 1)));
            default -> SearchQuery.not(randomQuery(depth - 1));
        };
    }

    /** A fragment of a word in random case, two words with some whitespace, or rarely an empty or absent text. */
    private String needle() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            return "zzz";
        }
        if (kind < 6) {
            return randomCase(pick(WORDS)) + pick(List.of(" ", "  ", "\t")) + randomCase(pick(WORDS));
        }
        String word = pick(WORDS);
        int start = random.nextInt(word.length());
        int end = start + 1 + random.nextInt(word.length() - start);
        return randomCase(word.substring(start, end));
    }

    private String randomCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The expected semantics, evaluated the slow way. */
    private static final class Oracle {
        private final Map<String, Pattern> patterns = new HashMap<>();

        boolean matches(SearchQuery query, SearchDocument document) {
            return switch (query) {
                case SearchQuery.And and -> and.queries().stream().allMatch(q -> matches(q, document));
                case SearchQuery.Or or -> or.queries().stream().anyMatch(q -> matches(q, document));
                case SearchQuery.Not not -> !matches(not.query(), document);
                case SearchQuery.HeaderContains h ->
                    document.headers().stream()
                            .anyMatch(header ->
                                    header.name().equalsIgnoreCase(h.name()) && find(h.text(), header.value()));
                case SearchQuery.AddressContains a -> find(a.text(), address(document, a.field()));
                case SearchQuery.SubjectContains s -> find(s.text(), document.subject());
                case SearchQuery.BodyContains b -> find(b.text(), document.body());
                case SearchQuery.TextContains t ->
                    find(t.text(), document.body())
                            || document.headers().stream().anyMatch(header -> find(t.text(), header.value()));
                case SearchQuery.AttachmentNameContains n ->
                    n.text().isEmpty() || document.attachmentNames().stream().anyMatch(name -> find(n.text(), name));
                default -> throw new AssertionError("not generated: " + query);
            };
        }

        private static String address(SearchDocument document, AddressField field) {
            return switch (field) {
                case FROM -> document.from();
                case TO -> document.to();
                case CC -> document.cc();
                case BCC -> document.bcc();
            };
        }

        private boolean find(String needle, String haystack) {
            return patterns.computeIfAbsent(needle, Oracle::compile)
                    .matcher(haystack)
                    .find();
        }

        private static Pattern compile(String needle) {
            List<String> parts = new ArrayList<>();
            for (String part : needle.split("\\s+", -1)) {
                parts.add(Pattern.quote(part));
            }
            return Pattern.compile(String.join("\\s+", parts), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }
}
