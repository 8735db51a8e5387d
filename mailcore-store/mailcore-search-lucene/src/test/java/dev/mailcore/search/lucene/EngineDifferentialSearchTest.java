/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.DateComparison;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortField;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines fed the same 5,000 generated raw messages — one with the reference scan index, one with the Lucene index
 * on disk and indexing through its queue — then changed alike (keywords, mailbox moves, destroyed emails), must answer
 * 200 random query trees mixing text and metadata criteria identically. Text criteria are those for which the Lucene
 * index promises the reference's answer: substrings of subjects and display names, and whole vocabulary words in the
 * body and in TEXT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDifferentialSearchTest {
    private static final int MESSAGES = 5_000;
    private static final int QUERIES = 200;
    private static final AccountId ALICE = AccountId.of("alice");
    private static final List<String> KEYWORDS = List.of("$seen", "$flagged", "$answered", "work", "later");
    private static final Instant RECEIVED_FROM = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    static Path data;

    private final Random random = new Random(20261128L);
    private final List<EmailId> emails = new ArrayList<>();
    private final Set<EmailId> destroyed = new HashSet<>();
    private final List<ThreadId> threads = new ArrayList<>();
    private final List<MailboxId> mailboxes = new ArrayList<>();
    private RawMessageCorpus corpus;
    private Side reference;
    private Side lucene;

    /** One engine with its own stores and index. */
    private record Side(MailEngine engine, SearchIndex index, MemoryMetadataStore metadata, MemoryBlobStore blobs)
            implements AutoCloseable {
        static Side over(SearchIndex index) {
            MemoryMetadataStore metadata = new MemoryMetadataStore();
            MemoryBlobStore blobs = new MemoryBlobStore();
            MailEngine engine = MailEngine.builder()
                    .metadataStore(metadata)
                    .blobStore(blobs)
                    .searchIndex(index)
                    .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC))
                    .idRandom(new SplittableRandom(42))
                    .indexQueueCapacity(64)
                    .build();
            return new Side(engine, index, metadata, blobs);
        }

        @Override
        public void close() {
            engine.close();
            index.close();
            blobs.close();
            metadata.close();
        }
    }

    @BeforeAll
    void fillBothEngines() {
        corpus = new RawMessageCorpus(77L);
        reference = Side.over(new ScanSearchIndex());
        lucene = Side.over(LuceneSearchIndex.open(data.resolve("index")));
        MailboxId inbox = both(
                s -> s.engine().mailboxes().byPath(ALICE, "INBOX").orElseThrow().id());
        mailboxes.add(inbox);
        mailboxes.add(both(s ->
                s.engine().mailboxes().byPath(ALICE, "Archive").orElseThrow().id()));
        mailboxes.add(
                both(s -> s.engine().mailboxes().create(ALICE, "Projects", null).id()));
        for (int i = 0; i < MESSAGES; i++) {
            byte[] raw = corpus.next().getBytes(StandardCharsets.UTF_8);
            Set<String> keywords = new HashSet<>();
            KEYWORDS.forEach(k -> {
                if (random.nextInt(4) == 0) {
                    keywords.add(k);
                }
            });
            Instant received = RECEIVED_FROM.plusSeconds(random.nextLong(500L * 86_400));
            MailboxId into = mailboxes.get(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2));
            AppendResult result = both(s -> s.engine()
                    .messages()
                    .append(ALICE, into, new AppendRequest(new ByteArrayInputStream(raw), keywords, received)));
            emails.add(result.emailId());
            threads.add(result.threadId());
        }
        for (int i = 0; i < 500; i++) {
            change();
        }
    }

    /**
     * One random change, made alike on both engines: keywords added or removed (IMAP STORE, so the index's metadata
     * follows flag changes), an email filed into another mailbox, or destroyed.
     */
    private void change() {
        EmailId email = emails.get(random.nextInt(emails.size()));
        if (destroyed.contains(email)) {
            return;
        }
        switch (random.nextInt(5)) {
            case 0 ->
                both(s -> {
                    s.engine().messages().updateEmail(ALICE, email, Set.of("work", "$seen"), Set.of(), Set.of());
                    return null;
                });
            case 1 -> {
                MailboxId to = mailboxes.get(random.nextInt(mailboxes.size()));
                both(s -> {
                    s.engine().messages().updateEmail(ALICE, email, null, Set.of(to), Set.of());
                    return null;
                });
            }
            case 2, 3 -> {
                MailboxId mailbox = mailboxes.get(random.nextInt(mailboxes.size()));
                String keyword = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
                FlagChange flagChange =
                        random.nextBoolean() ? FlagChange.add(Flags.of(keyword)) : FlagChange.remove(Flags.of(keyword));
                long first = 1 + random.nextInt(MESSAGES);
                UidSet uids = UidSet.range(first, first + random.nextInt(20));
                both(s -> s.engine().messages().updateFlags(ALICE, mailbox, uids, flagChange, OptionalLong.empty()));
            }
            default -> {
                both(s -> s.engine().messages().destroy(ALICE, List.of(email)));
                destroyed.add(email);
            }
        }
    }

    @AfterAll
    void closeBoth() {
        reference.close();
        lucene.close();
    }

    @Test
    void everyRandomQueryGivesTheReferenceAnswer() {
        List<SortKey> sort = List.of(new SortKey(SortField.SIZE, false));
        int nonEmpty = 0;
        for (int i = 0; i < QUERIES; i++) {
            // Flags change between queries, so the index answers each query after its metadata followed.
            change();
            SearchQuery query = query(3);
            List<EmailId> expected = reference.engine().search().searchEmails(ALICE, query, List.of());
            assertThat(lucene.engine().search().searchEmails(ALICE, query, List.of()))
                    .as("%s", query)
                    .isEqualTo(expected);
            MailboxId mailbox = mailboxes.get(i % mailboxes.size());
            assertThat(lucene.engine().search().searchUids(ALICE, mailbox, query, sort))
                    .as("%s in %s", query, mailbox)
                    .isEqualTo(reference.engine().search().searchUids(ALICE, mailbox, query, sort));
            // Unsorted, a mailbox search answered by the index reads no email at all.
            assertThat(lucene.engine().search().searchUids(ALICE, mailbox, query, List.of()))
                    .as("%s in %s, unsorted", query, mailbox)
                    .isEqualTo(reference.engine().search().searchUids(ALICE, mailbox, query, List.of()));
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        // The queries mean something: most of them find some messages, and not all of them.
        assertThat(nonEmpty).isBetween(QUERIES / 4, QUERIES - 1);
    }

    @Test
    void bothEnginesHoldTheSameEmails() {
        assertThat(lucene.engine().search().searchEmails(ALICE, SearchQuery.all(), List.of()))
                .hasSize(MESSAGES - destroyed.size())
                .isEqualTo(reference.engine().search().searchEmails(ALICE, SearchQuery.all(), List.of()));
    }

    private SearchQuery query(int depth) {
        int kind = random.nextInt(depth > 0 ? 14 : 10);
        return switch (kind) {
            case 0 -> new SearchQuery.BodyContains(cased(corpus.word()));
            case 1 -> new SearchQuery.SubjectContains(substring(corpus.word()));
            case 2 -> new SearchQuery.TextContains(cased(corpus.word()));
            case 3 ->
                new SearchQuery.AddressContains(
                        random.nextBoolean() ? AddressField.FROM : AddressField.TO,
                        substring(List.of("Müller", "Иван", "太郎", "Ñúñez", "liddell", "Bob")
                                .get(random.nextInt(6))));
            case 4 -> new SearchQuery.HasKeyword(KEYWORDS.get(random.nextInt(KEYWORDS.size())));
            case 5 -> new SearchQuery.Size(random.nextBoolean(), 500 + random.nextInt(4000));
            case 6 ->
                new SearchQuery.OnDate(
                        random.nextBoolean() ? DateField.RECEIVED : DateField.SENT,
                        DateComparison.values()[random.nextInt(DateComparison.values().length)],
                        LocalDate.of(2025, 6, 1).plusDays(random.nextInt(500)));
            case 7 -> new SearchQuery.InMailbox(mailboxes.get(random.nextInt(mailboxes.size())));
            case 8 ->
                new SearchQuery.ThreadIds(Set.of(
                        threads.get(random.nextInt(threads.size())), threads.get(random.nextInt(threads.size()))));
            case 9 ->
                random.nextBoolean()
                        ? SearchQuery.HasAttachment.INSTANCE
                        : new SearchQuery.AtTime(
                                DateField.RECEIVED,
                                random.nextBoolean(),
                                RECEIVED_FROM.plusSeconds(random.nextLong(500L * 86_400)));
            case 10, 11 -> SearchQuery.and(query(depth - 1), query(depth - 1));
            case 12 -> SearchQuery.or(query(depth - 1), query(depth - 1));
            default -> SearchQuery.not(query(depth - 1));
        };
    }

    private String substring(String text) {
        int from = random.nextInt(text.length());
        int to = from + 1 + random.nextInt(text.length() - from);
        return cased(text.substring(from, to));
    }

    private String cased(String text) {
        return random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text;
    }

    private <T> T both(java.util.function.Function<Side, T> action) {
        T expected = action.apply(reference);
        T actual = action.apply(lucene);
        if (expected instanceof AppendResult a && actual instanceof AppendResult b) {
            // Both engines draw ids from the same seed, so their answers can be compared id for id.
            assertThat(b.emailId()).isEqualTo(a.emailId());
        }
        return expected;
    }
}
