/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static dev.mailcore.store.tck.SearchDocumentBuilder.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.DateComparison;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SearchQuery.AddressContains;
import dev.mailcore.api.search.SearchQuery.AttachmentNameContains;
import dev.mailcore.api.search.SearchQuery.BodyContains;
import dev.mailcore.api.search.SearchQuery.HeaderContains;
import dev.mailcore.api.search.SearchQuery.SubjectContains;
import dev.mailcore.api.search.SearchQuery.TextContains;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.api.spi.SearchMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of {@link SearchIndex}: every adapter extends this class and returns a new, empty index from
 * {@link #newIndex()}.
 *
 * <p>Headers, addresses, subjects and attachment names are checked as case-insensitive substrings (also inside
 * words, also for non-ASCII letters, with whitespace runs equal to one space). The body is only searched for whole
 * words and phrases, since the SPI lets an index match the body by words. Accents are significant: {@code grusse}
 * does not match {@code GRÜSSE}.
 *
 * <pre>{@code
 * class MySearchIndexTest extends SearchIndexContract {
 *     @Override
 *     protected SearchIndex newIndex() {
 *         return new MySearchIndex();
 *     }
 * }
 * }</pre>
 */
public abstract class SearchIndexContract {
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");

    private SearchIndex index;

    /** A new, empty index; the suite closes it after each test. */
    protected abstract SearchIndex newIndex();

    @BeforeEach
    void openIndex() {
        index = newIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    // ---- headers

    @Test
    void headerMatchesValueSubstringWithNameInAnyCase() {
        put("m1", document().header("X-Mailer", "Acme Mailer 5.2"));
        put("m2", document().header("X-Mailer", "Thunderbird"));

        assertThat(found(new HeaderContains("x-MAILER", "acme"))).containsExactly("m1");
        assertThat(found(new HeaderContains("X-Mailer", "CME MAI"))).containsExactly("m1");
        assertThat(found(new HeaderContains("X-Mailer", "underb"))).containsExactly("m2");
        assertThat(found(new HeaderContains("X-Mailer", "outlook"))).isEmpty();
    }

    @Test
    void headerLooksOnlyAtFieldsOfThatName() {
        put("m1", document().header("X-Mailer", "Acme").header("X-Other", "Zenith"));

        assertThat(found(new HeaderContains("X-Mailer", "zenith"))).isEmpty();
        assertThat(found(new HeaderContains("X-Missing", "acme"))).isEmpty();
    }

    @Test
    void headerMatchesAnyOccurrenceOfARepeatedField() {
        put("m1", document().header("Received", "from relay.example.org").header("Received", "from mx.example.net"));

        assertThat(found(new HeaderContains("received", "mx.example.NET"))).containsExactly("m1");
        assertThat(found(new HeaderContains("received", "relay"))).containsExactly("m1");
    }

    @Test
    void headerWithEmptyTextMatchesTheEmailsThatHaveTheHeader() {
        put("m1", document().header("X-Priority", "1"));
        put("m2", document().header("X-Mailer", "Acme"));

        assertThat(found(new HeaderContains("x-priority", ""))).containsExactly("m1");
    }

    @Test
    void subjectAndAddressesAreHeadersToo() {
        put("m1", document().subject("Quarterly report").from("Alice <alice@example.org>"));

        assertThat(found(new HeaderContains("SUBJECT", "report"))).containsExactly("m1");
        assertThat(found(new HeaderContains("from", "alice@"))).containsExactly("m1");
    }

    // ---- addresses

    @ParameterizedTest
    @CsvSource({"FROM, liddell", "FROM, ice@exa", "TO, BOB@", "TO, Builder", "CC, carol", "BCC, e.edu"})
    void addressMatchesItsOwnFieldOnly(AddressField field, String text) {
        put(
                "m1",
                document()
                        .from("Alice Liddell <alice@example.org>")
                        .to("Bob the Builder <bob@example.net>")
                        .cc("Carol <carol@example.com>")
                        .bcc("Dave <dave@example.edu>"));

        for (AddressField other : AddressField.values()) {
            assertThat(found(new AddressContains(other, text)))
                    .as("%s contains %s", other, text)
                    .isEqualTo(other == field ? Set.of("m1") : Set.of());
        }
    }

    @Test
    void addressMatchesAmongSeveralRecipients() {
        put("m1", document().to("Bob <bob@example.net>, Dörte Müller <doerte@example.de>"));
        put("m2", document().to("Bob <bob@example.net>"));

        assertThat(found(new AddressContains(AddressField.TO, "DÖRTE"))).containsExactly("m1");
        assertThat(found(new AddressContains(AddressField.TO, "bob@example.net")))
                .containsExactlyInAnyOrder("m1", "m2");
    }

    // ---- subject

    @Test
    void subjectMatchesSubstringInsideWords() {
        put("m1", document().subject("Quarterly Report Q3"));
        put("m2", document().subject("Annual report"));

        assertThat(found(new SubjectContains("ARTERLY rep"))).containsExactly("m1");
        assertThat(found(new SubjectContains("REPORT"))).containsExactlyInAnyOrder("m1", "m2");
        assertThat(found(new SubjectContains("monthly"))).isEmpty();
    }

    @Test
    void subjectIgnoresCaseOfNonAsciiLetters() {
        put("m1", document().subject("Viele GRÜSSE aus KÖLN"));
        put("m2", document().subject("Привет из МОСКВЫ"));
        put("m3", document().subject("Καλημέρα ΚΌΣΜΕ"));

        assertThat(found(new SubjectContains("grüsse"))).containsExactly("m1");
        assertThat(found(new SubjectContains("köln"))).containsExactly("m1");
        assertThat(found(new SubjectContains("ПРИВЕТ"))).containsExactly("m2");
        assertThat(found(new SubjectContains("москвы"))).containsExactly("m2");
        assertThat(found(new SubjectContains("καλημέρα κόσμε"))).containsExactly("m3");
    }

    @Test
    void subjectKeepsAccents() {
        put("m1", document().subject("Viele GRÜSSE"));

        assertThat(found(new SubjectContains("grusse"))).isEmpty();
    }

    @Test
    void subjectTreatsWhitespaceRunsAsOneSpace() {
        put("m1", document().subject("Meeting\t  notes"));
        put("m2", document().subject("Meetingnotes"));

        assertThat(found(new SubjectContains("meeting notes"))).containsExactly("m1");
        assertThat(found(new SubjectContains("MEETING \t  NOTES"))).containsExactly("m1");
    }

    // ---- body

    @Test
    void bodyMatchesWordsInAnyCase() {
        put("m1", document().body("Please find the INVOICE attached.\nRegards"));
        put("m2", document().body("Nothing to see here"));

        assertThat(found(new BodyContains("invoice"))).containsExactly("m1");
        assertThat(found(new BodyContains("Regards"))).containsExactly("m1");
        assertThat(found(new BodyContains("receipt"))).isEmpty();
    }

    @Test
    void bodyMatchesNonAsciiWordsInAnyCase() {
        put("m1", document().body("Mit freundlichen Grüßen und GRÜSSE aus Köln"));
        put("m2", document().body("Всем ПРИВЕТ"));

        assertThat(found(new BodyContains("grüsse"))).containsExactly("m1");
        assertThat(found(new BodyContains("привет"))).containsExactly("m2");
    }

    @Test
    void bodyMatchesPhraseAcrossLineBreaks() {
        put("m1", document().body("Hello\r\n world, how are you?"));
        put("m2", document().body("Hello there, world"));

        assertThat(found(new BodyContains("hello world"))).containsExactly("m1");
    }

    @Test
    void bodyDoesNotLookAtHeaders() {
        put("m1", document().subject("invoice").body("see attachment"));

        assertThat(found(new BodyContains("invoice"))).isEmpty();
    }

    // ---- text

    @Test
    void textMatchesAnyHeaderValueOrTheBody() {
        put("m1", document().subject("Lunch plans"));
        put("m2", document().from("Lunchbox Deliveries <orders@lunchbox.example>"));
        put("m3", document().header("X-Campaign", "spring-lunch-2026"));
        put("m4", document().body("Shall we have lunch?"));
        put("m5", document().subject("Dinner").body("at eight"));

        assertThat(found(new TextContains("LUNCH"))).containsExactlyInAnyOrder("m1", "m2", "m3", "m4");
        assertThat(found(new TextContains("breakfast"))).isEmpty();
    }

    @Test
    void textMatchesPhraseAcrossLineBreaksInTheBody() {
        put("m1", document().subject("status").body("Hello\r\n\tWorld"));

        assertThat(found(new TextContains("hello world"))).containsExactly("m1");
    }

    // ---- attachment names

    @Test
    void attachmentNameMatchesSubstringInAnyCase() {
        put("m1", document().attachment("notes.txt").attachment("Invoice-2026-03.PDF"));
        put("m2", document().attachment("Photo.jpg"));
        put("m3", document().body("invoice in the body, no attachment"));

        assertThat(found(new AttachmentNameContains("invoice-2026"))).containsExactly("m1");
        assertThat(found(new AttachmentNameContains(".pdf"))).containsExactly("m1");
        assertThat(found(new AttachmentNameContains("JPG"))).containsExactly("m2");
        assertThat(found(new AttachmentNameContains("receipt"))).isEmpty();
    }

    // ---- empty text

    @Test
    void emptyTextMatchesEveryEmail() {
        put("m1", document().subject("Hello").from("a@example.org").body("text").attachment("a.txt"));
        put("m2", document());

        Set<String> everything = Set.of("m1", "m2");
        assertThat(found(new SubjectContains(""))).isEqualTo(everything);
        assertThat(found(new BodyContains(""))).isEqualTo(everything);
        assertThat(found(new TextContains(""))).isEqualTo(everything);
        assertThat(found(new AttachmentNameContains(""))).isEqualTo(everything);
        for (AddressField field : AddressField.values()) {
            assertThat(found(new AddressContains(field, ""))).isEqualTo(everything);
        }
    }

    // ---- boolean combinations

    @Test
    void andMatchesWhenEveryPartMatches() {
        putTrio();

        assertThat(found(SearchQuery.and(
                        new SubjectContains("report"), new AddressContains(AddressField.FROM, "alice"))))
                .containsExactly("m1");
    }

    @Test
    void orMatchesWhenAnyPartMatches() {
        putTrio();

        assertThat(found(SearchQuery.or(new SubjectContains("lunch"), new AddressContains(AddressField.FROM, "bob"))))
                .containsExactlyInAnyOrder("m2", "m3");
    }

    @Test
    void notMatchesTheOtherEmailsOfTheAccount() {
        putTrio();
        index.index(BOB, EmailId.of("b1"), document().subject("other account").build());

        assertThat(found(SearchQuery.not(new SubjectContains("report")))).containsExactly("m3");
    }

    @Test
    void nestedCombinationsMatch() {
        putTrio();

        SearchQuery query = SearchQuery.and(
                SearchQuery.or(new AddressContains(AddressField.FROM, "alice"), new SubjectContains("report")),
                SearchQuery.not(SearchQuery.and(new SubjectContains("report"), new BodyContains("draft"))));
        assertThat(found(query)).containsExactlyInAnyOrder("m1", "m3");
        assertThat(found(SearchQuery.not(SearchQuery.not(new SubjectContains("lunch")))))
                .containsExactly("m3");
    }

    @Test
    void emptyAndMatchesEverythingAndEmptyOrNothing() {
        putTrio();

        assertThat(found(SearchQuery.and())).containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(found(SearchQuery.or())).isEmpty();
        assertThat(found(SearchQuery.not(SearchQuery.or()))).containsExactlyInAnyOrder("m1", "m2", "m3");
    }

    @Test
    void allMatchesEverything() {
        putTrio();

        assertThat(found(SearchQuery.all())).containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(found(SearchQuery.and(SearchQuery.all(), new SubjectContains("lunch"))))
                .containsExactly("m3");
    }

    // ---- lifecycle and isolation

    @Test
    void removedEmailIsNotFound() {
        putTrio();

        index.remove(ALICE, EmailId.of("m1"));

        assertThat(found(new SubjectContains("report"))).containsExactly("m2");
        assertThat(found(SearchQuery.and())).containsExactlyInAnyOrder("m2", "m3");
    }

    @Test
    void removingAnUnknownEmailChangesNothing() {
        putTrio();

        index.remove(ALICE, EmailId.of("never-indexed"));
        index.remove(BOB, EmailId.of("m1"));

        assertThat(found(SearchQuery.and())).containsExactlyInAnyOrder("m1", "m2", "m3");
    }

    @Test
    void indexingAgainReplacesTheDocument() {
        put("m1", document().subject("first draft").attachment("old.doc"));

        put("m1", document().subject("final version"));

        assertThat(found(new SubjectContains("draft"))).isEmpty();
        assertThat(found(new AttachmentNameContains("old"))).isEmpty();
        assertThat(found(new SubjectContains("final"))).containsExactly("m1");
    }

    @Test
    void removedThenIndexedAgainIsFound() {
        put("m1", document().subject("comeback"));
        index.remove(ALICE, EmailId.of("m1"));

        put("m1", document().subject("comeback"));

        assertThat(found(new SubjectContains("comeback"))).containsExactly("m1");
    }

    @Test
    void accountsNeverSeeEachOthersEmails() {
        EmailId shared = EmailId.of("same-id");
        index.index(ALICE, shared, document().subject("alice secret").build());
        index.index(BOB, shared, document().subject("bob secret").build());
        index.index(BOB, EmailId.of("b2"), document().subject("bob only").build());

        assertThat(index.search(ALICE, new SubjectContains("bob"))).isEmpty();
        assertThat(index.search(BOB, new SubjectContains("alice"))).isEmpty();
        assertThat(index.search(ALICE, SearchQuery.and())).containsExactly(shared);
        assertThat(index.search(AccountId.of("carol"), SearchQuery.and())).isEmpty();

        index.remove(ALICE, shared);

        assertThat(index.search(BOB, new SubjectContains("secret"))).containsExactly(shared);
    }

    // ---- what the index does not answer

    @Test
    void rejectsCriteriaThatAreNotContent() {
        putTrio();

        List<SearchQuery> queries = new ArrayList<>(List.of(
                SearchQuery.Deleted.INSTANCE,
                SearchQuery.HasAttachment.INSTANCE,
                new SearchQuery.OnDate(DateField.RECEIVED, DateComparison.SINCE, LocalDate.of(2026, 1, 1)),
                new SearchQuery.AtTime(DateField.SAVED, true, Instant.parse("2026-01-01T00:00:00Z")),
                SearchQuery.and(new SubjectContains("report"), new SearchQuery.ModSeqAtLeast(3))));
        if (!index.indexesMetadata()) {
            queries.add(new SearchQuery.Size(true, 10));
            queries.add(new SearchQuery.HasKeyword(Keywords.SEEN));
            queries.add(SearchQuery.or(new SubjectContains("report"), SearchQuery.not(new SearchQuery.Size(false, 5))));
        }
        for (SearchQuery query : queries) {
            assertThatThrownBy(() -> index.search(ALICE, query))
                    .as("%s", query)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsCriteriaThatAreNotContentEvenForAnAccountWithoutEmails() {
        assertThatThrownBy(() -> index.search(BOB, SearchQuery.Deleted.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- metadata, for an index that keeps it

    @Test
    void answersMetadataMixedWithTextAfterEachChange() {
        putTrio();
        MailboxId inbox = MailboxId.of("inbox");
        MailboxId archive = MailboxId.of("archive");
        if (!index.indexesMetadata()) {
            // An index that leaves metadata to the engine takes the updates without effect on its text.
            index.updateMetadata(ALICE, EmailId.of("m1"), metadata(Set.of(Keywords.SEEN), Set.of(inbox), 100, "t1"));
            assertThat(found(new SubjectContains("report"))).containsExactlyInAnyOrder("m1", "m2");
            return;
        }
        index.updateMetadata(ALICE, EmailId.of("m1"), metadata(Set.of(Keywords.SEEN), Set.of(inbox), 100, "t1"));
        index.updateMetadata(ALICE, EmailId.of("m2"), metadata(Set.of(), Set.of(inbox, archive), 5_000, "t2"));
        index.updateMetadata(ALICE, EmailId.of("m3"), metadata(Set.of(Keywords.FLAGGED), Set.of(archive), 300, "t1"));
        SearchQuery unseenReport = SearchQuery.and(
                new SubjectContains("report"), SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN)));

        assertThat(found(unseenReport)).containsExactly("m2");
        assertThat(found(SearchQuery.and(new SubjectContains("report"), new SearchQuery.InMailbox(archive))))
                .containsExactly("m2");
        assertThat(found(SearchQuery.or(new SubjectContains("lunch"), new SearchQuery.Size(true, 1_000))))
                .containsExactlyInAnyOrder("m2", "m3");
        assertThat(found(SearchQuery.and(
                        new TextContains("alice"), new SearchQuery.ThreadIds(Set.of(ThreadId.of("t1"))))))
                .containsExactlyInAnyOrder("m1", "m3");
        assertThat(found(SearchQuery.and(
                        new TextContains("numbers"),
                        new SearchQuery.AtTime(DateField.RECEIVED, false, Instant.parse("2026-01-01T00:00:00Z")))))
                .containsExactlyInAnyOrder("m1", "m2");

        index.updateMetadata(ALICE, EmailId.of("m1"), metadata(Set.of(), Set.of(inbox), 100, "t1"));
        index.updateMetadata(ALICE, EmailId.of("m2"), metadata(Set.of(Keywords.SEEN), Set.of(inbox), 5_000, "t2"));

        assertThat(found(unseenReport)).containsExactly("m1");
        assertThat(found(SearchQuery.and(new SubjectContains("report"), new SearchQuery.InMailbox(archive))))
                .isEmpty();
        // The text is still there: a metadata change never drops what was indexed.
        assertThat(found(new SubjectContains("report"))).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void textIndexedWithItsMetadataAnswersBothAtOnceAndTakesLaterChanges() {
        MailboxId inbox = MailboxId.of("inbox");
        index.index(
                ALICE,
                EmailId.of("m1"),
                document().subject("Report for Q3").build(),
                metadata(Set.of(Keywords.SEEN), Set.of(inbox), 100, "t1"));
        index.index(
                ALICE,
                EmailId.of("m2"),
                document().subject("Report for Q4").build(),
                metadata(Set.of(), Set.of(inbox), 5_000, "t2"));
        SearchQuery unseenReport = SearchQuery.and(
                new SubjectContains("report"), SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN)));
        assertThat(found(new SubjectContains("report"))).containsExactlyInAnyOrder("m1", "m2");
        if (!index.indexesMetadata()) {
            return;
        }

        assertThat(found(unseenReport)).containsExactly("m2");
        assertThat(found(SearchQuery.and(new SubjectContains("report"), new SearchQuery.Size(true, 1_000))))
                .containsExactly("m2");

        index.updateMetadata(ALICE, EmailId.of("m1"), metadata(Set.of(), Set.of(inbox), 100, "t1"));
        assertThat(found(unseenReport)).containsExactlyInAnyOrder("m1", "m2");
        // Indexing the text again replaces the metadata along with it.
        index.index(
                ALICE,
                EmailId.of("m2"),
                document().subject("Report for Q4").build(),
                metadata(Set.of(Keywords.SEEN), Set.of(inbox), 5_000, "t2"));
        assertThat(found(unseenReport)).containsExactly("m1");
    }

    @Test
    void metadataOfAnEmailNotIndexedIsIgnored() {
        index.updateMetadata(ALICE, EmailId.of("nowhere"), metadata(Set.of(Keywords.SEEN), Set.of(), 1, "t"));

        if (index.indexesMetadata()) {
            assertThat(found(SearchQuery.and(new TextContains(""), new SearchQuery.HasKeyword(Keywords.SEEN))))
                    .isEmpty();
        }
        assertThat(found(new TextContains(""))).isEmpty();
    }

    private static SearchMetadata metadata(Set<String> keywords, Set<MailboxId> mailboxes, long size, String thread) {
        return new SearchMetadata(
                keywords,
                mailboxes,
                Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T09:00:00Z"),
                size,
                ThreadId.of(thread));
    }

    // ---- concurrency

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void searchesDuringConcurrentIndexingSeeEveryAcknowledgedEmail() throws Exception {
        int writers = 4;
        int perWriter = 300;
        Set<EmailId> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        SearchQuery query = new SubjectContains("load test");
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        EmailId id = EmailId.of("w" + writer + "-" + i);
                        index.index(
                                ALICE,
                                id,
                                document()
                                        .subject("Load Test " + writer + " " + i)
                                        .body("payload")
                                        .build());
                        acknowledged.add(id);
                    }
                    return null;
                }));
            }
            start.countDown();
            while (!running.stream().allMatch(Future::isDone)) {
                Set<EmailId> before = Set.copyOf(acknowledged);
                assertThat(index.search(ALICE, query)).containsAll(before);
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        }

        assertThat(index.search(ALICE, query)).hasSize(writers * perWriter).containsAll(acknowledged);
        assertThat(index.search(ALICE, new SubjectContains("load test 3 299"))).containsExactly(EmailId.of("w3-299"));
    }

    // ---- helpers

    private void putTrio() {
        put(
                "m1",
                document()
                        .from("Alice <alice@example.org>")
                        .subject("Report for Q3")
                        .body("final numbers"));
        put(
                "m2",
                document().from("Bob <bob@example.net>").subject("Report draft").body("draft numbers"));
        put("m3", document().from("Alice <alice@example.org>").subject("Lunch?").body("noon"));
    }

    private void put(String id, SearchDocumentBuilder document) {
        index.index(ALICE, EmailId.of(id), document.build());
    }

    /** The values of the ids of ALICE's emails that match. */
    private Set<String> found(SearchQuery query) {
        return index.search(ALICE, query).stream().map(EmailId::value).collect(Collectors.toSet());
    }
}
