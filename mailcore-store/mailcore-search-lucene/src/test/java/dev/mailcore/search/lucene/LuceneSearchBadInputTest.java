/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static dev.mailcore.store.tck.SearchDocumentBuilder.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.memory.ScanSearchIndex;
import dev.mailcore.store.tck.SearchDocumentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search text a client may send on purpose or by accident: query syntax, thousands of terms, huge texts, any script. */
class LuceneSearchBadInputTest {
    private static final AccountId ALICE = AccountId.of("alice");

    private final LuceneSearchIndex words = LuceneSearchIndex.inMemory();
    private final LuceneSearchIndex substrings =
            LuceneSearchIndex.builder().inMemory().exactBodySubstrings(true).build();
    private final ScanSearchIndex reference = new ScanSearchIndex();

    @AfterEach
    void close() {
        words.close();
        substrings.close();
        reference.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"", ":", "\\", "(", "a*", "\"quoted\"", "to:bob", "back\\slash", "(x OR y)", "~1^2"})
    void luceneSyntaxInSearchTextIsLiteral(String text) {
        put("plain", document().subject("plain subject").body("plain body"));
        put("literal", document().subject("has " + text + " inside").attachment("file" + text + ".txt"));
        put("body", document().subject("other").body("the body has " + text + " inside"));

        assertThat(found(words, new SearchQuery.SubjectContains(text))).containsExactly("literal");
        assertThat(found(words, new SearchQuery.AttachmentNameContains(text))).containsExactly("literal");
        assertThat(found(substrings, new SearchQuery.BodyContains(text))).containsExactly("body");
        assertThat(found(substrings, new SearchQuery.TextContains(text))).containsExactlyInAnyOrder("literal", "body");
        // Words of the text (if any) are words, never operators: "a*" is the word "a", not a wildcard.
        assertThat(found(words, new SearchQuery.BodyContains(text))).isSubsetOf("body", "plain");
        assertThat(found(words, new SearchQuery.BodyContains(text))).doesNotContain("plain");
    }

    @Test
    void fiveThousandOrTermsAreAnswered() {
        for (int i = 0; i < 100; i++) {
            put("m" + i, document().subject("ticket " + i * 7).body("word" + i * 7 + " text"));
        }
        List<SearchQuery> subjectTerms = new ArrayList<>();
        List<SearchQuery> bodyTerms = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            subjectTerms.add(new SearchQuery.SubjectContains("ticket " + i * 5 + "$"));
            subjectTerms.add(new SearchQuery.SubjectContains("ticket " + (i * 10)));
            bodyTerms.add(new SearchQuery.BodyContains("word" + i * 10));
        }
        Set<String> multiplesOf70 = Set.of("m0", "m10", "m20", "m30", "m40", "m50", "m60", "m70", "m80", "m90");

        SearchQuery subjects = new SearchQuery.Or(subjectTerms);
        SearchQuery bodies = new SearchQuery.Or(bodyTerms);
        // "ticket 70" is also a prefix of "ticket 700" etc.: substrings, as the reference says.
        assertThat(found(words, subjects)).isEqualTo(found(reference, subjects)).containsAll(multiplesOf70);
        assertThat(found(substrings, bodies)).isEqualTo(found(reference, bodies));
        assertThat(found(words, SearchQuery.not(subjects))).isEqualTo(found(reference, SearchQuery.not(subjects)));
        assertThat(found(words, new SearchQuery.And(subjectTerms))).isEmpty();
    }

    @Test
    void hugeSearchTextsAreAnswered() {
        String longSubject = "lorem ipsum dolor sit amet ".repeat(800);
        put("long", document().subject(longSubject).body(longSubject));
        put("short", document().subject("lorem ipsum").body("lorem ipsum"));

        String huge = longSubject.substring(5, 15_005);
        assertThat(found(words, new SearchQuery.SubjectContains(huge))).containsExactly("long");
        assertThat(found(words, new SearchQuery.SubjectContains(huge + "x"))).isEmpty();
        assertThat(found(substrings, new SearchQuery.BodyContains(huge))).containsExactly("long");
        // Thousands of words are one phrase of whole words: the cut-off last word of `huge` ("si") is not "sit".
        String wholeWords = longSubject.substring(6, 15_011);
        assertThat(found(words, new SearchQuery.BodyContains(wholeWords))).containsExactly("long");
        assertThat(found(words, new SearchQuery.BodyContains(huge))).isEmpty();
        assertThat(found(words, new SearchQuery.BodyContains("lorem ipsum")))
                .containsExactlyInAnyOrder("long", "short");
    }

    @Test
    void textOfEveryScriptMatchesAsTheReferenceDoes() {
        List<String> samples = List.of(
                "Grüße aus Köln, STRASSE und Straße",
                "Привет из МОСКВЫ",
                "Καλημέρα ΚΌΣΜΕ, ΟΔΥΣΣΕΥΣ",
                "東京で会議の報告",
                "안녕하세요 메일 검색",
                "مرحبا بالعالم",
                "שלום עולם",
                "नमस्ते दुनिया",
                "สวัสดีชาวโลก",
                "emoji 😀 and 😁 and 👩‍👩‍👧",
                "ab😀cd ab😁cd",
                "ﬁle ǅemal İstanbul ıi",
                "e\u0301te\u0301 été",
                "tab\tcr\r\nnbsp\u00a0thin\u2009end");
        for (int i = 0; i < samples.size(); i++) {
            put("s" + i, document().subject(samples.get(i)).body(samples.get(i)).attachment(samples.get(i)));
        }
        for (String sample : samples) {
            int length = sample.codePointCount(0, sample.length());
            for (int start = 0; start < length; start += 2) {
                for (int take : new int[] {1, 2, 3, 5, 8}) {
                    if (start + take > length) {
                        continue;
                    }
                    String text = sample.substring(
                            sample.offsetByCodePoints(0, start), sample.offsetByCodePoints(0, start + take));
                    for (SearchQuery query : List.of(
                            new SearchQuery.SubjectContains(text),
                            new SearchQuery.AttachmentNameContains(text.toUpperCase(java.util.Locale.ROOT)),
                            new SearchQuery.HeaderContains("subject", text))) {
                        assertThat(found(words, query)).as("%s", query).isEqualTo(found(reference, query));
                    }
                    SearchQuery body = new SearchQuery.BodyContains(text);
                    assertThat(found(substrings, body)).as("%s", body).isEqualTo(found(reference, body));
                }
            }
        }
        assertThat(found(words, new SearchQuery.SubjectContains("b😁c"))).containsExactly("s10");
    }

    private void put(String id, SearchDocumentBuilder builder) {
        SearchDocument document = builder.build();
        for (SearchIndex index : List.of(words, substrings, reference)) {
            index.index(ALICE, EmailId.of(id), document);
        }
    }

    private static Set<String> found(SearchIndex index, SearchQuery query) {
        return index.search(ALICE, query).stream().map(EmailId::value).collect(Collectors.toSet());
    }
}
