/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static dev.mailcore.store.tck.SearchDocumentBuilder.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SearchQuery.BodyContains;
import dev.mailcore.api.search.SearchQuery.SubjectContains;
import dev.mailcore.api.search.SearchQuery.TextContains;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.tck.SearchDocumentBuilder;
import dev.mailcore.store.tck.SearchIndexContract;
import org.junit.jupiter.api.Test;

/** Runs the contract, and checks what the reference adds to it: its exact matching rules. */
class ScanSearchIndexTest extends SearchIndexContract {
    private static final AccountId ACCOUNT = AccountId.of("a1");
    private static final EmailId EMAIL = EmailId.of("e1");

    @Override
    protected SearchIndex newIndex() {
        return new ScanSearchIndex();
    }

    @Test
    void bodyMatchesSubstringsInsideWords() {
        try (ScanSearchIndex index = indexWith(document().body("Unbelievable\nthroughput"))) {
            assertThat(index.search(ACCOUNT, new BodyContains("BELIEV"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new BodyContains("able through"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new BodyContains("ablethrough"))).isEmpty();
        }
    }

    @Test
    void sharpSIsDoubleS() {
        try (ScanSearchIndex index = indexWith(document().subject("Grüße aus GROẞENHAIN"))) {
            assertThat(index.search(ACCOUNT, new SubjectContains("GRÜSSE"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new SubjectContains("großenhain"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new SubjectContains("grossenhain")))
                    .containsExactly(EMAIL);
        }
    }

    @Test
    void finalSigmaIsSigma() {
        try (ScanSearchIndex index = indexWith(document().subject("ΟΔΟΣ ΟΔΟΣΤΡΩΜΑ"))) {
            assertThat(index.search(ACCOUNT, new SubjectContains("οδος οδοσ"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new SubjectContains("ΟΔΟΣ"))).containsExactly(EMAIL);
        }
    }

    @Test
    void ligaturesAndCompatibilityCaseFold() {
        try (ScanSearchIndex index = indexWith(document().subject("ﬁnal \u212Aelvin"))) {
            assertThat(index.search(ACCOUNT, new SubjectContains("FINAL"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new SubjectContains("kelvin"))).containsExactly(EMAIL);
        }
    }

    @Test
    void decomposedAndPrecomposedAccentsAreEqual() {
        try (ScanSearchIndex index = indexWith(document().subject("Cafe\u0301 crème"))) {
            assertThat(index.search(ACCOUNT, new SubjectContains("CAFÉ"))).containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new SubjectContains("cre\u0300me")))
                    .containsExactly(EMAIL);
            assertThat(index.search(ACCOUNT, new SubjectContains("cafe "))).isEmpty();
        }
    }

    @Test
    void noBreakSpaceIsWhitespace() {
        try (ScanSearchIndex index = indexWith(document().body("10\u00a0000 euros"))) {
            assertThat(index.search(ACCOUNT, new BodyContains("10 000 EUROS"))).containsExactly(EMAIL);
        }
    }

    @Test
    void textDoesNotSpanTwoFields() {
        try (ScanSearchIndex index = indexWith(document().subject("alpha").body("beta"))) {
            assertThat(index.search(ACCOUNT, new TextContains("alpha beta"))).isEmpty();
            assertThat(index.search(ACCOUNT, new TextContains("alphabeta"))).isEmpty();
        }
    }

    @Test
    void textDoesNotLookAtAttachmentNames() {
        try (ScanSearchIndex index = indexWith(document().attachment("budget.xlsx"))) {
            assertThat(index.search(ACCOUNT, new TextContains("budget"))).isEmpty();
        }
    }

    @Test
    void closedIndexRefusesWork() {
        ScanSearchIndex index = indexWith(document().subject("bye"));

        index.close();
        index.close();

        assertThatThrownBy(() -> index.search(ACCOUNT, SearchQuery.all())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.index(ACCOUNT, EMAIL, document().build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.remove(ACCOUNT, EMAIL)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resultCannotBeModified() {
        try (ScanSearchIndex index = indexWith(document().subject("x"))) {
            assertThatThrownBy(() -> index.search(ACCOUNT, SearchQuery.all()).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    private static ScanSearchIndex indexWith(SearchDocumentBuilder document) {
        ScanSearchIndex index = new ScanSearchIndex();
        index.index(ACCOUNT, EMAIL, document.build());
        return index;
    }
}
