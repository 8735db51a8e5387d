/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static dev.mailcore.store.tck.TckRecords.email;
import static dev.mailcore.store.tck.TckRecords.mailbox;
import static dev.mailcore.store.tck.TckRecords.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.BlobId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.ThreadKey;
import dev.mailcore.api.spi.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link MetadataStore}: every reader and transaction method, misuse, rollback, isolation of
 * accounts, and serializability under concurrent writers. An adapter's test extends this class and implements
 * {@link #newStore()}:
 *
 * <pre>{@code
 * class MyMetadataStoreTest extends MetadataStoreContract {
 *     protected MetadataStore newStore() { return new MyMetadataStore(...); }
 * }
 * }</pre>
 */
public abstract class MetadataStoreContract {
    protected static final AccountId ACCOUNT = AccountId.of("tck-account");
    protected static final AccountId OTHER = AccountId.of("tck-other");
    private static final MailboxId INBOX = MailboxId.of("INBOX");
    private static final MailboxId ARCHIVE = MailboxId.of("ARCHIVE");

    protected MetadataStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract MetadataStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void write(Consumer<MetadataTransaction> work) {
        store.write(ACCOUNT, tx -> {
            work.accept(tx);
            return null;
        });
    }

    private <T> T read(Function<MetadataReader, T> work) {
        return store.read(ACCOUNT, work);
    }

    /** INBOX and ARCHIVE; e1 in both (UID 1 each), e2 in INBOX (UID 2); MODSEQ 3. */
    private void seed() {
        write(tx -> {
            long m = tx.nextModSeq();
            tx.insertMailbox(mailbox("INBOX"));
            tx.insertMailbox(mailbox("ARCHIVE"));
            tx.insertEmail(email("e1", "t1", 100, Set.of(), m));
            tx.insertEmail(email("e2", "t1", 50, Set.of("$seen"), m));
            tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), "e1", m));
            tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), "e2", tx.nextModSeq()));
            tx.insertMessage(message("ARCHIVE", tx.allocateUids(ARCHIVE, 1), "e1", tx.nextModSeq()));
        });
    }

    @Test
    void aNewAccountIsEmpty() {
        read(r -> {
            assertThat(r.highestModSeq()).isZero();
            assertThat(r.changeLogFloor()).isZero();
            assertThat(r.mailboxes()).isEmpty();
            assertThat(r.mailbox(INBOX)).isEmpty();
            assertThat(r.mailboxState(INBOX)).isEmpty();
            assertThat(r.counts(INBOX)).isEqualTo(MailboxCounts.ZERO);
            assertThat(r.uids(INBOX)).isEmpty();
            assertThat(r.messages(INBOX, UidSet.all(), 0)).isEmpty();
            assertThat(r.memberships(EmailId.of("e1"))).isEmpty();
            assertThat(r.email(EmailId.of("e1"))).isEmpty();
            assertThat(r.emails(List.of(EmailId.of("e1")))).isEmpty();
            assertThat(r.emailIds()).isEmpty();
            assertThat(r.threadEmails(ThreadId.of("t1"))).isEmpty();
            assertThat(r.changesSince(0, 10)).isEmpty();
            assertThat(r.threadKeys(List.of("a@b"))).isEmpty();
            assertThat(r.usage()).isEqualTo(new Usage(0, 0));
            return null;
        });
    }

    @Test
    void modSeqStartsAtOneAndRisesAcrossTransactions() {
        assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(1);
        assertThat(store.<List<Long>>write(ACCOUNT, tx -> List.of(tx.nextModSeq(), tx.nextModSeq())))
                .containsExactly(2L, 3L);
        assertThat(read(MetadataReader::highestModSeq)).isEqualTo(3);
    }

    @Test
    void writeReturnsWhatTheWorkReturns() {
        assertThat(store.<String>write(ACCOUNT, tx -> "done")).isEqualTo("done");
        assertThat(store.<String>read(ACCOUNT, r -> "seen")).isEqualTo("seen");
    }

    @Test
    void mailboxesAreInsertedUpdatedAndDeleted() {
        MailboxRecord inbox = new MailboxRecord(INBOX, null, "INBOX", MailboxRole.INBOX, 7, true, 1);
        MailboxRecord child = new MailboxRecord(ARCHIVE, INBOX, "Old", null, 8, false, 2);
        write(tx -> {
            tx.insertMailbox(inbox);
            tx.insertMailbox(child);
        });
        read(r -> {
            assertThat(r.mailboxes()).containsExactlyInAnyOrder(inbox, child);
            assertThat(r.mailbox(ARCHIVE)).contains(child);
            assertThat(r.mailboxState(INBOX)).contains(new MailboxState(1, 0));
            assertThat(r.counts(INBOX)).isEqualTo(MailboxCounts.ZERO);
            return null;
        });

        MailboxRecord renamed = new MailboxRecord(ARCHIVE, null, "Archive", MailboxRole.ARCHIVE, 8, true, 3);
        write(tx -> {
            tx.allocateUids(ARCHIVE, 5);
            tx.updateMailbox(renamed);
        });
        read(r -> {
            assertThat(r.mailbox(ARCHIVE)).contains(renamed);
            assertThat(r.mailboxState(ARCHIVE)).contains(new MailboxState(6, 0));
            return null;
        });

        write(tx -> tx.deleteMailbox(ARCHIVE));
        read(r -> {
            assertThat(r.mailboxes()).containsExactly(inbox);
            assertThat(r.mailbox(ARCHIVE)).isEmpty();
            assertThat(r.mailboxState(ARCHIVE)).isEmpty();
            return null;
        });
    }

    @Test
    void uidsAreAllocatedConsecutivelyAndNeverTwice() {
        write(tx -> tx.insertMailbox(mailbox("INBOX")));
        assertThat(store.<Long>write(ACCOUNT, tx -> tx.allocateUids(INBOX, 3))).isEqualTo(1);
        assertThat(store.<Long>write(ACCOUNT, tx -> tx.allocateUids(INBOX, 1))).isEqualTo(4);
        assertThat(store.<List<Long>>write(
                        ACCOUNT, tx -> List.of(tx.allocateUids(INBOX, 2), tx.allocateUids(INBOX, 1))))
                .containsExactly(5L, 7L);
        assertThat(this.<Optional<MailboxState>>read(r -> r.mailboxState(INBOX)))
                .contains(new MailboxState(8, 0));
    }

    @Test
    void uidValidityIsMonotonic() {
        long first = store.write(ACCOUNT, tx -> tx.allocateUidValidity(100));
        long second = store.write(ACCOUNT, tx -> tx.allocateUidValidity(50));
        long third = store.write(ACCOUNT, tx -> tx.allocateUidValidity(first));
        long fourth = store.write(ACCOUNT, tx -> tx.allocateUidValidity(5_000));
        assertThat(first).isGreaterThanOrEqualTo(100);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(fourth).isGreaterThanOrEqualTo(5_000).isGreaterThan(third);
    }

    @Test
    void emailsAreInsertedUpdatedAndDeleted() {
        EmailRecord e1 = email("e1", "t1", 100, Set.of("$flagged"), 1);
        EmailRecord e2 = email("e2", "t1", 200, Set.of(), 1);
        EmailRecord e3 = email("e3", "t2", 300, Set.of(), 1);
        write(tx -> {
            tx.nextModSeq();
            tx.insertEmail(e1);
            tx.insertEmail(e2);
            tx.insertEmail(e3);
        });
        read(r -> {
            assertThat(r.email(e1.id())).contains(e1);
            assertThat(r.emails(List.of(e1.id(), e3.id(), EmailId.of("nope"))))
                    .isEqualTo(Map.of(e1.id(), e1, e3.id(), e3));
            assertThat(r.emailIds()).containsExactlyInAnyOrder(e1.id(), e2.id(), e3.id());
            assertThat(r.threadEmails(ThreadId.of("t1"))).containsExactlyInAnyOrder(e1.id(), e2.id());
            return null;
        });

        write(tx -> tx.updateEmail(e1.id(), Set.of("$seen", "$flagged"), tx.nextModSeq()));
        assertThat(this.<Optional<EmailRecord>>read(r -> r.email(e1.id())))
                .contains(e1.withKeywords(Set.of("$seen", "$flagged"), 2));

        write(tx -> tx.deleteEmail(e2.id()));
        read(r -> {
            assertThat(r.email(e2.id())).isEmpty();
            assertThat(r.emailIds()).containsExactlyInAnyOrder(e1.id(), e3.id());
            assertThat(r.threadEmails(ThreadId.of("t1"))).containsExactly(e1.id());
            return null;
        });
    }

    @Test
    void referencedBlobsAreFoundAcrossAccounts() {
        BlobId mine = TckRecords.blobOf("e1");
        BlobId theirs = TckRecords.blobOf("o1");
        BlobId removed = TckRecords.blobOf("e2");
        BlobId never = TckRecords.blobOf("never stored");
        write(tx -> {
            long m = tx.nextModSeq();
            tx.insertEmail(email("e1", m));
            tx.insertEmail(email("e2", m));
        });
        store.write(OTHER, tx -> {
            tx.insertEmail(email("o1", tx.nextModSeq()));
            return null;
        });
        write(tx -> tx.deleteEmail(EmailId.of("e2")));

        assertThat(store.referencedBlobs(List.of(mine, theirs, removed, never)))
                .containsExactlyInAnyOrder(mine, theirs);
        assertThat(store.referencedBlobs(List.of(never))).isEmpty();
        assertThat(store.referencedBlobs(List.of())).isEmpty();
    }

    @Test
    void aBlobSharedByTwoEmailsStaysReferencedUntilBothAreGone() {
        BlobId shared = TckRecords.blobOf("shared");
        EmailRecord template = email("x", 1);
        write(tx -> {
            long m = tx.nextModSeq();
            tx.insertEmail(withBlob(template, "a", shared, m));
            tx.insertEmail(withBlob(template, "b", shared, m));
        });
        write(tx -> tx.deleteEmail(EmailId.of("a")));
        assertThat(store.referencedBlobs(Set.of(shared))).containsExactly(shared);
        write(tx -> tx.deleteEmail(EmailId.of("b")));
        assertThat(store.referencedBlobs(Set.of(shared))).isEmpty();
    }

    @Test
    void manyCandidatesAreAnsweredAtOnce() {
        List<BlobId> candidates = new ArrayList<>();
        write(tx -> {
            long m = tx.nextModSeq();
            for (int i = 0; i < 1_200; i++) {
                if (i % 3 == 0) {
                    tx.insertEmail(email("m" + i, m));
                }
            }
        });
        for (int i = 0; i < 1_200; i++) {
            candidates.add(TckRecords.blobOf("m" + i));
        }
        assertThat(store.referencedBlobs(candidates)).hasSize(400);
    }

    private static EmailRecord withBlob(EmailRecord template, String id, BlobId blob, long modSeq) {
        return new EmailRecord(
                EmailId.of(id),
                ThreadId.of("T" + id),
                blob,
                template.size(),
                template.receivedAt(),
                template.keywords(),
                template.summary(),
                modSeq);
    }

    @Test
    void membershipsAreReadByMailboxAndByEmail() {
        seed();
        read(r -> {
            assertThat(r.uids(INBOX)).containsExactly(1, 2);
            assertThat(r.uids(ARCHIVE)).containsExactly(1);
            assertThat(r.messages(INBOX, UidSet.all(), 0))
                    .containsExactly(message("INBOX", 1, "e1", 1), message("INBOX", 2, "e2", 2));
            assertThat(r.messages(INBOX, UidSet.of(2, 3), 0)).containsExactly(message("INBOX", 2, "e2", 2));
            assertThat(r.messages(INBOX, UidSet.all(), 1)).containsExactly(message("INBOX", 2, "e2", 2));
            assertThat(r.messages(INBOX, UidSet.empty(), 0)).isEmpty();
            assertThat(r.memberships(EmailId.of("e1")))
                    .containsExactlyInAnyOrder(message("INBOX", 1, "e1", 1), message("ARCHIVE", 1, "e1", 3));
            assertThat(r.mailboxState(INBOX)).contains(new MailboxState(3, 2));
            assertThat(r.mailboxState(ARCHIVE)).contains(new MailboxState(2, 3));
            return null;
        });
    }

    /**
     * INBOX holds, by UID, emails received in scrambled order, four of them at one instant; ARCHIVE holds one of
     * them and one of its own. Newest first, ties by id as Java compares strings: upper case before lower case.
     */
    private void seedArrivals() {
        Instant t = TckRecords.RECEIVED;
        write(tx -> {
            long m = tx.nextModSeq();
            tx.insertMailbox(mailbox("INBOX"));
            tx.insertMailbox(mailbox("ARCHIVE"));
            Map<String, Instant> received = new LinkedHashMap<>();
            received.put("old", t.minusSeconds(60));
            received.put("b1", t);
            received.put("newest", t.plusSeconds(60));
            received.put("B2", t);
            received.put("a3", t);
            received.put("later", t.plusNanos(1_000));
            received.put("Z0", t);
            received.forEach((id, at) -> {
                tx.insertEmail(email(id, at, m));
                tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), id, m));
            });
            tx.insertEmail(email("archived", t.plusSeconds(120), m));
            tx.insertMessage(message("ARCHIVE", tx.allocateUids(ARCHIVE, 1), "archived", m));
            tx.insertMessage(message("ARCHIVE", tx.allocateUids(ARCHIVE, 1), "old", m));
        });
    }

    private static List<EmailId> ids(String... ids) {
        return Arrays.stream(ids).map(EmailId::of).toList();
    }

    @Test
    void emailsByArrivalListAMailboxNewestFirstOnePageAtATime() {
        seedArrivals();
        read(r -> {
            List<EmailId> all = ids("newest", "later", "B2", "Z0", "a3", "b1", "old");
            assertThat(r.emailsByArrival(INBOX, 0, Integer.MAX_VALUE)).isEqualTo(all);
            assertThat(r.emailsByArrival(INBOX, 0, 2)).isEqualTo(all.subList(0, 2));
            assertThat(r.emailsByArrival(INBOX, 2, 3)).isEqualTo(all.subList(2, 5));
            assertThat(r.emailsByArrival(INBOX, 5, 10)).isEqualTo(all.subList(5, 7));
            assertThat(r.emailsByArrival(INBOX, 6, 1)).isEqualTo(all.subList(6, 7));
            assertThat(r.emailsByArrival(INBOX, 7, 10)).isEmpty();
            assertThat(r.emailsByArrival(INBOX, 1_000, 10)).isEmpty();
            assertThat(r.emailsByArrival(INBOX, 0, 0)).isEmpty();
            assertThat(r.emailsByArrival(ARCHIVE, 0, 10)).isEqualTo(ids("archived", "old"));
            assertThat(r.emailsByArrival(MailboxId.of("NONE"), 0, 10)).isEmpty();
            assertThatThrownBy(() -> r.emailsByArrival(INBOX, -1, 10)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> r.emailsByArrival(INBOX, 0, -1)).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
        List<EmailId> otherAccount = store.read(OTHER, r -> r.emailsByArrival(INBOX, 0, 10));
        assertThat(otherAccount).isEmpty();
    }

    @Test
    void emailsByArrivalFollowMembershipChangesAndRollback() {
        seedArrivals();
        write(tx -> {
            long m = tx.nextModSeq();
            tx.deleteMessage(INBOX, 3, m); // "newest"
            tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), "archived", m));
            tx.updateEmail(EmailId.of("Z0"), Set.of("$seen"), m);
        });
        List<EmailId> after = ids("archived", "later", "B2", "Z0", "a3", "b1", "old");
        assertThat(inboxByArrival()).isEqualTo(after);

        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> write(tx -> {
                    long m = tx.nextModSeq();
                    tx.deleteMessage(INBOX, 1, m); // "old"
                    tx.insertEmail(email("fresh", TckRecords.RECEIVED.plusSeconds(3_600), m));
                    tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), "fresh", m));
                    assertThat(tx.emailsByArrival(INBOX, 0, 100))
                            .isEqualTo(ids("fresh", "archived", "later", "B2", "Z0", "a3", "b1"));
                    throw boom;
                }))
                .isSameAs(boom);
        assertThat(inboxByArrival()).isEqualTo(after);
        long count = read(r -> r.counts(INBOX).messages());
        assertThat(count).isEqualTo(after.size());
    }

    private List<EmailId> inboxByArrival() {
        return read(r -> r.emailsByArrival(INBOX, 0, 100));
    }

    @Test
    void flagListingGivesEachMembershipItsEmailsKeywordsAndItsOwnDeletedMark() {
        seed();
        write(tx -> {
            long m = tx.nextModSeq();
            tx.updateEmail(EmailId.of("e1"), Set.of("$flagged", "$answered"), m);
            tx.updateMessage(message("INBOX", 1, "e1", 0).with(m, true));
        });
        read(r -> {
            FlagListing inbox = r.flags(INBOX, UidSet.all(), 0);
            assertThat(inbox.size()).isEqualTo(2);
            assertThat(inbox.uid(0)).isEqualTo(1);
            assertThat(inbox.modSeq(0)).isEqualTo(4);
            assertThat(inbox.flags(0)).isEqualTo(new Flags(Set.of("$flagged", "$answered"), true));
            assertThat(inbox.uid(1)).isEqualTo(2);
            assertThat(inbox.modSeq(1)).isEqualTo(2);
            assertThat(inbox.flags(1)).isEqualTo(new Flags(Set.of("$seen"), false));
            // The same email in another mailbox: its keywords, without INBOX's mark.
            FlagListing archive = r.flags(ARCHIVE, UidSet.all(), 0);
            assertThat(archive.size()).isEqualTo(1);
            assertThat(archive.flags(0)).isEqualTo(new Flags(Set.of("$flagged", "$answered"), false));
            assertThat(archive.modSeq(0)).isEqualTo(3);
            assertThat(listingOf(r, INBOX, UidSet.all(), 0)).isEqualTo(inbox);
            return null;
        });
    }

    @Test
    void flagListingKeepsOnlyTheAskedUidsAndModSeqs() {
        seed();
        read(r -> {
            assertThat(r.flags(INBOX, UidSet.of(2), 0).uids()).containsExactly(2);
            assertThat(r.flags(INBOX, UidSet.builder().add(1).add(3, 9).build(), 0)
                            .uids())
                    .containsExactly(1);
            assertThat(r.flags(INBOX, UidSet.all(), 1).uids()).containsExactly(2);
            assertThat(r.flags(INBOX, UidSet.all(), 2).isEmpty()).isTrue();
            assertThat(r.flags(INBOX, UidSet.empty(), 0).isEmpty()).isTrue();
            assertThat(r.flags(MailboxId.of("unknown"), UidSet.all(), 0).isEmpty())
                    .isTrue();
            return null;
        });
    }

    /** What {@link MetadataReader#flags} must equal: the memberships joined with their emails. */
    private static FlagListing listingOf(MetadataReader r, MailboxId mailbox, UidSet uids, long changedSince) {
        List<MessageRecord> messages = r.messages(mailbox, uids, changedSince);
        Map<EmailId, EmailRecord> emails =
                r.emails(messages.stream().map(MessageRecord::emailId).toList());
        FlagListing.Builder out = FlagListing.builder(messages.size());
        for (MessageRecord message : messages) {
            out.add(
                    message.uid(),
                    message.modSeq(),
                    new Flags(emails.get(message.emailId()).keywords(), message.deleted()));
        }
        return out.build();
    }

    @Test
    void messagesOfAHugeUidSetOnAnEmptyMailboxAreNone() {
        write(tx -> tx.insertMailbox(mailbox("INBOX")));
        assertThat(this.<List<MessageRecord>>read(r -> r.messages(INBOX, UidSet.all(), 0)))
                .isEmpty();
        assertThat(this.<List<MessageRecord>>read(r -> r.messages(MailboxId.of("unknown"), UidSet.all(), 0)))
                .isEmpty();
    }

    @Test
    @Timeout(120) // guards against a store that walks every member of the ranges (billions of UIDs)
    void messagesOfRangesInABigMailboxAreFoundByRange() {
        int total = 20_000;
        write(tx -> {
            long m = tx.nextModSeq();
            tx.insertMailbox(mailbox("INBOX"));
            long first = tx.allocateUids(INBOX, total);
            for (int i = 0; i < total; i++) {
                tx.insertEmail(email("e" + i, m));
                tx.insertMessage(message("INBOX", first + i, "e" + i, m));
            }
        });
        UidSet wanted =
                UidSet.builder().add(10_001, 10_003).add(19_999, UidSet.MAX_UID).build();
        List<Long> found = read(r ->
                r.messages(INBOX, wanted, 0).stream().map(MessageRecord::uid).toList());
        assertThat(found).containsExactly(10_001L, 10_002L, 10_003L, 19_999L, 20_000L);
        assertThat(this.<long[]>read(r -> r.flags(INBOX, wanted, 0).uids()))
                .containsExactly(10_001L, 10_002L, 10_003L, 19_999L, 20_000L);
        assertThat(this.<Integer>read(r -> r.flags(INBOX, UidSet.all(), 0).size()))
                .isEqualTo(total);
        assertThat(this.<long[]>read(r -> r.uids(INBOX))).hasSize(total);
        // A listing read sees the same committed rows as a snapshot read.
        assertThat(store.<long[]>readLatest(ACCOUNT, r -> r.uids(INBOX)))
                .containsExactly(this.<long[]>read(r -> r.uids(INBOX)));
        assertThat(store.<Integer>readLatest(
                        ACCOUNT, r -> r.flags(INBOX, wanted, 0).size()))
                .isEqualTo(5);
        assertThat(this.<List<MessageRecord>>read(r -> r.messages(INBOX, UidSet.all(), 0)))
                .hasSize(total);
        // Reading thousands of emails by id (a whole mailbox's flags) returns exactly those asked for.
        List<EmailId> some = new java.util.ArrayList<>();
        for (int i = 0; i < total; i += 4) {
            some.add(EmailId.of("e" + i));
        }
        some.add(EmailId.of("unknown"));
        Map<EmailId, EmailRecord> emails = read(r -> r.emails(some));
        assertThat(emails).hasSize(total / 4);
        assertThat(emails.keySet()).doesNotContain(EmailId.of("unknown"), EmailId.of("e1"));
        assertThat(emails.get(EmailId.of("e8")).id()).isEqualTo(EmailId.of("e8"));
    }

    @Test
    void updatingAMembershipChangesItsMarkAndRaisesTheMailboxModSeq() {
        seed();
        MessageRecord marked = message("INBOX", 1, "e1", 0).with(4, true);
        write(tx -> {
            tx.nextModSeq();
            tx.updateMessage(marked);
        });
        read(r -> {
            assertThat(r.messages(INBOX, UidSet.of(1), 0)).containsExactly(marked);
            assertThat(r.mailboxState(INBOX)).contains(new MailboxState(3, 4));
            assertThat(r.mailboxState(ARCHIVE)).contains(new MailboxState(2, 3));
            assertThat(r.messages(ARCHIVE, UidSet.all(), 0)).containsExactly(message("ARCHIVE", 1, "e1", 3));
            return null;
        });
    }

    @Test
    void deletingAMembershipRaisesTheMailboxModSeqAndKeepsTheOthers() {
        seed();
        write(tx -> tx.deleteMessage(INBOX, 1, tx.nextModSeq()));
        read(r -> {
            assertThat(r.uids(INBOX)).containsExactly(2);
            assertThat(r.mailboxState(INBOX)).contains(new MailboxState(3, 4));
            assertThat(r.memberships(EmailId.of("e1"))).containsExactly(message("ARCHIVE", 1, "e1", 3));
            assertThat(r.email(EmailId.of("e1"))).isPresent();
            return null;
        });
    }

    @Test
    void countsFollowMembershipsKeywordsAndMarks() {
        seed();
        read(r -> {
            assertThat(r.counts(INBOX)).isEqualTo(new MailboxCounts(2, 1, 0, 150));
            assertThat(r.counts(ARCHIVE)).isEqualTo(new MailboxCounts(1, 1, 0, 100));
            return null;
        });

        write(tx -> {
            long m = tx.nextModSeq();
            tx.updateEmail(EmailId.of("e1"), Set.of("$seen"), m);
            tx.updateMessage(message("INBOX", 2, "e2", m).with(m, true));
        });
        read(r -> {
            assertThat(r.counts(INBOX)).isEqualTo(new MailboxCounts(2, 0, 1, 150));
            assertThat(r.counts(ARCHIVE)).isEqualTo(new MailboxCounts(1, 0, 0, 100));
            return null;
        });

        write(tx -> {
            long m = tx.nextModSeq();
            tx.updateEmail(EmailId.of("e2"), Set.of(), m);
            tx.deleteMessage(ARCHIVE, 1, m);
        });
        read(r -> {
            assertThat(r.counts(INBOX)).isEqualTo(new MailboxCounts(2, 1, 1, 150));
            assertThat(r.counts(ARCHIVE)).isEqualTo(MailboxCounts.ZERO);
            return null;
        });
    }

    @Test
    void threadKeysArePutReplacedAndLookedUp() {
        ThreadKey a = new ThreadKey("a@example.com", ThreadId.of("t1"), "hello");
        ThreadKey b = new ThreadKey("b@example.com", ThreadId.of("t1"), "hello");
        write(tx -> tx.putThreadKeys(List.of(a, b)));
        ThreadKey a2 = new ThreadKey("a@example.com", ThreadId.of("t2"), "other");
        write(tx -> tx.putThreadKeys(List.of(a2)));
        assertThat(this.<Map<String, ThreadKey>>read(
                        r -> r.threadKeys(List.of("a@example.com", "b@example.com", "c@example.com"))))
                .isEqualTo(Map.of("a@example.com", a2, "b@example.com", b));
    }

    @Test
    void usageAddsUp() {
        write(tx -> tx.adjustUsage(1_000, 2));
        write(tx -> tx.adjustUsage(-300, -1));
        assertThat(read(MetadataReader::usage)).isEqualTo(new Usage(700, 1));
    }

    @Test
    void changesAreReadInModSeqOrderWithoutSplittingAModSeq() {
        MailboxId box = INBOX;
        EmailId e = EmailId.of("e1");
        ThreadId t = ThreadId.of("t1");
        List<Change> one = List.of(
                new Change.MailboxChanged(1, box, ChangeKind.CREATED),
                new Change.EmailChanged(1, e, t, ChangeKind.CREATED));
        List<Change> two = List.of(new Change.EmailChanged(2, e, t, ChangeKind.UPDATED));
        List<Change> three = List.of(
                new Change.MessageRemoved(3, box, 1, e),
                new Change.EmailChanged(3, e, t, ChangeKind.DESTROYED),
                new Change.MailboxChanged(3, box, ChangeKind.UPDATED));
        write(tx -> tx.appendChanges(one));
        write(tx -> tx.appendChanges(two));
        write(tx -> tx.appendChanges(three));

        List<Change> all = new ArrayList<>(one);
        all.addAll(two);
        all.addAll(three);
        read(r -> {
            assertThat(r.changesSince(0, 100)).containsExactlyElementsOf(all);
            assertThat(r.changesSince(0, 1)).containsExactlyElementsOf(one);
            assertThat(r.changesSince(0, 2)).containsExactlyElementsOf(all.subList(0, 3));
            assertThat(r.changesSince(1, 1)).containsExactlyElementsOf(two);
            assertThat(r.changesSince(2, 1)).containsExactlyElementsOf(three);
            assertThat(r.changesSince(3, 100)).isEmpty();
            assertThat(r.changeLogFloor()).isZero();
            return null;
        });
    }

    @Test
    void aTransactionSeesItsOwnWrites() {
        store.write(ACCOUNT, tx -> {
            long m = tx.nextModSeq();
            tx.insertMailbox(mailbox("INBOX"));
            tx.insertEmail(email("e1", m));
            tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), "e1", m));
            assertThat(tx.highestModSeq()).isEqualTo(m);
            assertThat(tx.uids(INBOX)).containsExactly(1);
            assertThat(tx.counts(INBOX).messages()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void misuseThrowsIllegalStateException() {
        seed();
        MailboxId unknownBox = MailboxId.of("unknown");
        EmailId unknownEmail = EmailId.of("unknown");
        List<Consumer<MetadataTransaction>> misuses = List.of(
                tx -> tx.insertMailbox(mailbox("INBOX")),
                tx -> tx.updateMailbox(mailbox("unknown")),
                tx -> tx.deleteMailbox(unknownBox),
                tx -> tx.deleteMailbox(INBOX),
                tx -> tx.allocateUids(unknownBox, 1),
                tx -> tx.insertEmail(email("e1", 1)),
                tx -> tx.updateEmail(unknownEmail, Set.of(), 9),
                tx -> tx.deleteEmail(unknownEmail),
                tx -> tx.deleteEmail(EmailId.of("e2")),
                tx -> tx.insertMessage(message("unknown", 1, "e1", 9)),
                tx -> tx.insertMessage(message("INBOX", 9, "unknown", 9)),
                tx -> tx.insertMessage(message("INBOX", 2, "e1", 9)),
                tx -> tx.updateMessage(message("INBOX", 9, "e1", 9)),
                tx -> tx.updateMessage(message("unknown", 1, "e1", 9)),
                tx -> tx.deleteMessage(INBOX, 9, 9),
                tx -> tx.deleteMessage(unknownBox, 1, 9));
        for (Consumer<MetadataTransaction> misuse : misuses) {
            assertThatThrownBy(() -> write(misuse)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(read(MetadataReader::highestModSeq)).isEqualTo(3);
    }

    @Test
    void rollbackLeavesNoTraceAndRethrowsTheSameException() {
        seed();
        write(tx -> {
            tx.insertMailbox(mailbox("EMPTY"));
            tx.putThreadKeys(List.of(new ThreadKey("old@x", ThreadId.of("t1"), "s")));
            tx.appendChanges(List.of(new Change.MailboxChanged(3, INBOX, ChangeKind.CREATED)));
            tx.adjustUsage(150, 2);
        });
        Snapshot before = snapshot();
        long uidNextBefore = before.states().get(INBOX).uidNext();

        RuntimeException boom = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> write(tx -> {
                    long m = tx.nextModSeq();
                    tx.allocateUids(INBOX, 10);
                    tx.insertMailbox(mailbox("NEW"));
                    tx.allocateUids(MailboxId.of("NEW"), 3);
                    tx.updateMailbox(new MailboxRecord(INBOX, null, "Renamed", MailboxRole.INBOX, 1, false, 9));
                    tx.deleteMailbox(MailboxId.of("EMPTY"));
                    tx.insertEmail(email("e3", "t9", 999, Set.of(), m));
                    tx.insertMessage(message("INBOX", uidNextBefore, "e3", m));
                    tx.updateEmail(EmailId.of("e1"), Set.of("$seen"), m);
                    tx.updateMessage(message("INBOX", 2, "e2", m).with(m, true));
                    tx.deleteMessage(ARCHIVE, 1, m);
                    tx.deleteMessage(INBOX, 2, m);
                    tx.deleteEmail(EmailId.of("e2"));
                    tx.appendChanges(List.of(
                            new Change.EmailChanged(m, EmailId.of("e3"), ThreadId.of("t9"), ChangeKind.CREATED)));
                    tx.putThreadKeys(List.of(
                            new ThreadKey("old@x", ThreadId.of("t9"), "new"),
                            new ThreadKey("new@x", ThreadId.of("t9"), "new")));
                    tx.adjustUsage(999, 1);
                    tx.nextModSeq();
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(snapshot()).isEqualTo(before.withUidNext(INBOX, uidNextBefore + 10));
        // Allocated UIDs stay allocated.
        assertThat(store.<Long>write(ACCOUNT, tx -> tx.allocateUids(INBOX, 1))).isEqualTo(uidNextBefore + 10);
        assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(4);
    }

    @Test
    void anErrorRollsBackToo() {
        seed();
        Snapshot before = snapshot();
        AssertionError error = new AssertionError("bug");
        assertThatThrownBy(() -> write(tx -> {
                    tx.updateEmail(EmailId.of("e1"), Set.of("$seen"), tx.nextModSeq());
                    throw error;
                }))
                .isSameAs(error);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void accountsAreIsolated() {
        seed();
        write(tx -> tx.putThreadKeys(List.of(new ThreadKey("a@x", ThreadId.of("t1"), "s"))));
        store.read(OTHER, r -> {
            assertThat(r.highestModSeq()).isZero();
            assertThat(r.mailboxes()).isEmpty();
            assertThat(r.uids(INBOX)).isEmpty();
            assertThat(r.counts(INBOX)).isEqualTo(MailboxCounts.ZERO);
            assertThat(r.email(EmailId.of("e1"))).isEmpty();
            assertThat(r.memberships(EmailId.of("e1"))).isEmpty();
            assertThat(r.emailIds()).isEmpty();
            assertThat(r.threadEmails(ThreadId.of("t1"))).isEmpty();
            assertThat(r.threadKeys(List.of("a@x"))).isEmpty();
            assertThat(r.usage()).isEqualTo(new Usage(0, 0));
            return null;
        });
        // The same ids mean different objects in another account.
        store.write(OTHER, tx -> {
            tx.insertMailbox(mailbox("INBOX"));
            tx.insertEmail(email("e1", tx.nextModSeq()));
            return tx.allocateUids(INBOX, 1);
        });
        assertThat(store.<Optional<MailboxState>>read(OTHER, r -> r.mailboxState(INBOX)))
                .contains(new MailboxState(2, 0));
        assertThat(this.<Optional<MailboxState>>read(r -> r.mailboxState(INBOX)))
                .contains(new MailboxState(3, 2));
    }

    @Test
    @Timeout(60)
    void concurrentWritersGetUniqueUidsRisingInCommitOrder() {
        write(tx -> tx.insertMailbox(mailbox("INBOX")));
        // 2,000 contended commits: enough to interleave every pair of writers many times, few enough that a database
        // that fsyncs each commit finishes well inside the limit on a busy machine.
        int threads = 8;
        int perThread = 250;
        List<long[]> commits = Collections.synchronizedList(new ArrayList<>());
        runConcurrently(threads, t -> {
            for (int i = 0; i < perThread; i++) {
                String id = "e" + t + "_" + i;
                commits.add(store.write(ACCOUNT, tx -> {
                    long modSeq = tx.nextModSeq();
                    long uid = tx.allocateUids(INBOX, 1);
                    tx.insertEmail(email(id, modSeq));
                    tx.insertMessage(message("INBOX", uid, id, modSeq));
                    return new long[] {modSeq, uid};
                }));
            }
        });

        // MODSEQs are taken inside the transactions, so their order is the commit order.
        List<long[]> inCommitOrder = new ArrayList<>(commits);
        inCommitOrder.sort(Comparator.comparingLong(c -> c[0]));
        long[] uids = inCommitOrder.stream().mapToLong(c -> c[1]).toArray();
        assertThat(inCommitOrder.stream().mapToLong(c -> c[0]).distinct().count())
                .isEqualTo(threads * perThread);
        assertThat(uids).isSorted().doesNotHaveDuplicates().hasSize(threads * perThread);
        assertThat(this.<long[]>read(r -> r.uids(INBOX))).containsExactly(uids);
        assertThat(this.<Long>read(r -> r.counts(INBOX).messages())).isEqualTo(threads * perThread);
        assertThat(read(MetadataReader::highestModSeq)).isEqualTo(threads * perThread);
    }

    @Test
    @Timeout(60)
    void concurrentReadModifyWritesLoseNoUpdate() {
        EmailId id = EmailId.of("e1");
        write(tx -> tx.insertEmail(email("e1", tx.nextModSeq())));
        int threads = 8;
        int perThread = 100;
        runConcurrently(threads, t -> {
            for (int i = 0; i < perThread; i++) {
                String keyword = "k" + t + "_" + i;
                write(tx -> {
                    Set<String> keywords =
                            new HashSet<>(tx.email(id).orElseThrow().keywords());
                    keywords.add(keyword);
                    tx.updateEmail(id, keywords, tx.nextModSeq());
                });
            }
        });
        assertThat(this.<Set<String>>read(r -> r.email(id).orElseThrow().keywords()))
                .hasSize(threads * perThread);
    }

    @Test
    @Timeout(60)
    void readersSeeOnlyCommittedStates() {
        write(tx -> tx.insertMailbox(mailbox("INBOX")));
        int writers = 4;
        int perWriter = 250;
        AtomicInteger running = new AtomicInteger(writers);
        AtomicInteger inconsistent = new AtomicInteger();
        runConcurrently(writers + 1, t -> {
            if (t == writers) {
                do {
                    read(r -> {
                        MailboxCounts counts = r.counts(INBOX);
                        Usage usage = r.usage();
                        if (counts.messages() != usage.messages()
                                || counts.size() != usage.bytes()
                                || r.uids(INBOX).length != counts.messages()
                                || r.emailIds().size() != counts.messages()) {
                            inconsistent.incrementAndGet();
                        }
                        return null;
                    });
                } while (running.get() > 0);
                return;
            }
            for (int i = 0; i < perWriter; i++) {
                String id = "e" + t + "_" + i;
                write(tx -> {
                    long modSeq = tx.nextModSeq();
                    tx.insertEmail(email(id, modSeq));
                    tx.adjustUsage(100, 1);
                    tx.insertMessage(message("INBOX", tx.allocateUids(INBOX, 1), id, modSeq));
                });
            }
            running.decrementAndGet();
        });
        assertThat(inconsistent).hasValue(0);
        assertThat(this.<Long>read(r -> r.counts(INBOX).messages())).isEqualTo(writers * perWriter);
    }

    @Test
    @Timeout(30)
    void anOpenTransactionDoesNotHoldUpAnotherAccount() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<?> holder = executor.submit(() -> write(tx -> {
                tx.nextModSeq();
                entered.countDown();
                awaitUninterruptibly(release);
            }));
            entered.await();
            assertThat(store.write(OTHER, MetadataTransaction::nextModSeq)).isEqualTo(1);
            assertThat(store.read(OTHER, MetadataReader::highestModSeq)).isEqualTo(1);
            release.countDown();
            holder.get();
        }
        assertThat(read(MetadataReader::highestModSeq)).isEqualTo(1);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code body(0..threads-1)} on that many threads at once and rethrows the first failure. */
    private static void runConcurrently(int threads, IntConsumer body) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(executor.submit(() -> {
                    awaitUninterruptibly(start);
                    body.accept(index);
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new AssertionError("a concurrent transaction failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Everything a reader can see of the account, to compare before and after a rollback. */
    private Snapshot snapshot() {
        return read(r -> {
            Map<MailboxId, MailboxState> states = new TreeMap<>();
            Map<MailboxId, MailboxCounts> counts = new TreeMap<>();
            Map<MailboxId, List<MessageRecord>> messages = new TreeMap<>();
            for (MailboxRecord box : r.mailboxes()) {
                states.put(box.id(), r.mailboxState(box.id()).orElseThrow());
                counts.put(box.id(), r.counts(box.id()));
                messages.put(box.id(), r.messages(box.id(), UidSet.all(), 0));
            }
            Map<EmailId, Set<MessageRecord>> memberships = new TreeMap<>();
            Set<ThreadId> threads = new HashSet<>();
            for (EmailId id : r.emailIds()) {
                memberships.put(id, Set.copyOf(r.memberships(id)));
                threads.add(r.email(id).orElseThrow().threadId());
            }
            threads.add(ThreadId.of("t9"));
            Map<ThreadId, Set<EmailId>> threadEmails = new TreeMap<>();
            for (ThreadId thread : threads) {
                threadEmails.put(thread, Set.copyOf(r.threadEmails(thread)));
            }
            return new Snapshot(
                    r.highestModSeq(),
                    Set.copyOf(r.mailboxes()),
                    states,
                    counts,
                    messages,
                    r.emails(r.emailIds()),
                    memberships,
                    threadEmails,
                    r.changesSince(0, Integer.MAX_VALUE),
                    r.threadKeys(List.of("old@x", "new@x")),
                    r.usage());
        });
    }

    private record Snapshot(
            long highestModSeq,
            Set<MailboxRecord> mailboxes,
            Map<MailboxId, MailboxState> states,
            Map<MailboxId, MailboxCounts> counts,
            Map<MailboxId, List<MessageRecord>> messages,
            Map<EmailId, EmailRecord> emails,
            Map<EmailId, Set<MessageRecord>> memberships,
            Map<ThreadId, Set<EmailId>> threadEmails,
            List<Change> changes,
            Map<String, ThreadKey> threadKeys,
            Usage usage) {
        Snapshot withUidNext(MailboxId mailbox, long uidNext) {
            Map<MailboxId, MailboxState> changed = new TreeMap<>(states);
            changed.put(mailbox, new MailboxState(uidNext, states.get(mailbox).highestModSeq()));
            return new Snapshot(
                    highestModSeq,
                    mailboxes,
                    changed,
                    counts,
                    messages,
                    emails,
                    memberships,
                    threadEmails,
                    changes,
                    threadKeys,
                    usage);
        }
    }
}
