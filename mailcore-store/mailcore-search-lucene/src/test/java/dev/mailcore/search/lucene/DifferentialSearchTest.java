/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compares the Lucene index with the reference scan index on 5,000 generated documents (two accounts, with removals
 * and replacements) and hundreds of random query trees. Every criterion but the body must give exactly the reference
 * result for any substring. The word-matching body must too, for search texts of one whole word; the exact-substring
 * body for any substring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialSearchTest {
    private static final int DOCUMENTS = 5_000;
    private static final int QUERIES = 300;
    private static final List<AccountId> ACCOUNTS = List.of(AccountId.of("alice"), AccountId.of("bob"));

    private final List<SearchDocument> documents = new ArrayList<>();
    private GeneratedCorpus corpus;
    private ScanSearchIndex reference;
    private LuceneSearchIndex words;
    private LuceneSearchIndex substrings;

    @BeforeAll
    void indexCorpus() {
        corpus = new GeneratedCorpus(20260601L, 400);
        reference = new ScanSearchIndex();
        words = LuceneSearchIndex.inMemory();
        substrings =
                LuceneSearchIndex.builder().inMemory().exactBodySubstrings(true).build();
        Random random = new Random(7);
        for (int i = 0; i < DOCUMENTS; i++) {
            SearchDocument document = corpus.document();
            documents.add(document);
            put(account(i), EmailId.of("e" + i), document);
        }
        for (int i = 0; i < 200; i++) {
            int victim = random.nextInt(DOCUMENTS);
            for (SearchIndex index : List.of(reference, words, substrings)) {
                index.remove(account(victim), EmailId.of("e" + victim));
            }
            int replaced = random.nextInt(DOCUMENTS);
            put(account(replaced), EmailId.of("e" + replaced), corpus.document());
        }
    }

    @AfterAll
    void close() {
        reference.close();
        words.close();
        substrings.close();
    }

    @Test
    void vocabularyIsLargeEnoughToMeanSomething() {
        assertThat(corpus.vocabulary()).hasSizeGreaterThan(300);
    }

    @Test
    void wordBodyIndexEqualsReferenceForSubstringsAndWholeBodyWords() {
        assertSameAsReference(words, new QueryGenerator(new Random(11), false));
    }

    @Test
    void substringBodyIndexEqualsReferenceForAnySubstring() {
        assertSameAsReference(substrings, new QueryGenerator(new Random(13), true));
    }

    private void assertSameAsReference(LuceneSearchIndex index, QueryGenerator generator) {
        int selective = 0;
        for (int i = 0; i < QUERIES; i++) {
            SearchQuery query = generator.query(3);
            for (AccountId account : ACCOUNTS) {
                Set<EmailId> expected = reference.search(account, query);
                assertThat(index.search(account, query))
                        .as("%s in %s", query, account)
                        .isEqualTo(expected);
                if (account.equals(ACCOUNTS.getFirst()) && !expected.isEmpty() && expected.size() < 4_000) {
                    selective++;
                }
            }
        }
        // Guards the generator: most queries must select some documents but not all.
        assertThat(selective).isGreaterThan(QUERIES / 3);
    }

    private void put(AccountId account, EmailId email, SearchDocument document) {
        reference.index(account, email, document);
        words.index(account, email, document);
        substrings.index(account, email, document);
    }

    private static AccountId account(int i) {
        return ACCOUNTS.get(i % 10 == 0 ? 1 : 0);
    }

    /** Random query trees whose search texts come from the corpus. */
    private final class QueryGenerator {
        private final Random random;
        private final boolean anyBodySubstring;

        QueryGenerator(Random random, boolean anyBodySubstring) {
            this.random = random;
            this.anyBodySubstring = anyBodySubstring;
        }

        SearchQuery query(int depth) {
            if (depth == 0 || random.nextInt(5) < 2) {
                return leaf();
            }
            return switch (random.nextInt(7)) {
                case 0, 1 -> new SearchQuery.And(children(depth));
                case 2, 3 -> new SearchQuery.Or(children(depth));
                case 4, 5 -> SearchQuery.not(query(depth - 1));
                default -> SearchQuery.all();
            };
        }

        private List<SearchQuery> children(int depth) {
            List<SearchQuery> children = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                children.add(query(depth - 1));
            }
            return children;
        }

        private SearchQuery leaf() {
            SearchDocument document = documents.get(random.nextInt(documents.size()));
            return switch (random.nextInt(6)) {
                case 0 -> header(document);
                case 1 -> {
                    AddressField field = AddressField.values()[random.nextInt(4)];
                    String text = switch (field) {
                        case FROM -> document.from();
                        case TO -> document.to();
                        case CC -> document.cc().isEmpty() ? document.to() : document.cc();
                        case BCC -> document.bcc().isEmpty() ? document.from() : document.bcc();
                    };
                    yield new SearchQuery.AddressContains(field, text(text));
                }
                case 2 -> new SearchQuery.SubjectContains(text(document.subject()));
                case 3 -> new SearchQuery.BodyContains(bodyText(document));
                case 4 ->
                    new SearchQuery.TextContains(random.nextBoolean() ? bodyText(document) : headerText(document));
                default ->
                    new SearchQuery.AttachmentNameContains(text(
                            document.attachmentNames().isEmpty()
                                    ? document.subject()
                                    : document.attachmentNames()
                                            .get(random.nextInt(
                                                    document.attachmentNames().size()))));
            };
        }

        private SearchQuery header(SearchDocument document) {
            SearchDocument.Header header =
                    document.headers().get(random.nextInt(document.headers().size()));
            String name = random.nextBoolean() ? header.name().toUpperCase(Locale.ROOT) : header.name();
            return switch (random.nextInt(8)) {
                case 0 -> new SearchQuery.HeaderContains(name, "");
                case 1 -> new SearchQuery.HeaderContains(random.nextBoolean() ? "X-Tag" : "X-Missing", "");
                case 2 -> new SearchQuery.HeaderContains("X-Mailer", text(header.value()));
                default -> new SearchQuery.HeaderContains(name, text(header.value()));
            };
        }

        private String headerText(SearchDocument document) {
            SearchDocument.Header header =
                    document.headers().get(random.nextInt(document.headers().size()));
            // With word matching, TEXT looks at body words too, so only a whole word is comparable.
            return anyBodySubstring ? text(header.value()) : wholeWord();
        }

        private String bodyText(SearchDocument document) {
            return anyBodySubstring ? text(document.body()) : wholeWord();
        }

        private String wholeWord() {
            int kind = random.nextInt(20);
            if (kind == 0) {
                return "";
            }
            if (kind == 1) {
                return corpus.absentWord();
            }
            String word =
                    corpus.vocabulary().get(random.nextInt(corpus.vocabulary().size()));
            return kind < 6 ? word.toUpperCase(Locale.ROOT) : word;
        }

        /** A random substring of {@code value} (whole code points), in a random case; now and then empty or absent. */
        private String text(String value) {
            int kind = random.nextInt(20);
            if (kind == 0 || value.isEmpty()) {
                return "";
            }
            if (kind == 1) {
                return corpus.absentWord();
            }
            int length = value.codePointCount(0, value.length());
            int take = 1 + random.nextInt(Math.min(length, 12));
            int start = random.nextInt(length - take + 1);
            String text =
                    value.substring(value.offsetByCodePoints(0, start), value.offsetByCodePoints(0, start + take));
            return switch (kind % 3) {
                case 0 -> text.toUpperCase(Locale.ROOT);
                case 1 -> text.toLowerCase(Locale.ROOT);
                default -> text;
            };
        }
    }
}
