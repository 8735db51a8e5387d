/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static dev.mailcore.store.tck.MailboxesContract.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.CopyResult;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.FlagUpdateResult;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Messages through the engine: append, read, flags, copy, move, expunge, threads, quota, events. */
public abstract class MessagesContract extends EngineFixture {

    private static byte[] readAll(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void appendAssignsIncreasingUidsAndKeepsTheBytes() throws Exception {
        Mailbox inbox = inbox(alice);
        String raw = message("Hello", "first body");
        AppendResult first = append(alice, inbox.id(), raw);
        AppendResult second = append(alice, inbox.id(), message("Again", "second"));
        assertThat(first.uid()).isEqualTo(1);
        assertThat(second.uid()).isEqualTo(2);
        assertThat(first.uidValidity()).isEqualTo(inbox.uidValidity());
        assertThat(second.modSeq()).isGreaterThan(first.modSeq());
        assertThat(first.size()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8).length);
        assertThat(readAll(engine.contents().open(alice, first.emailId())))
                .isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(readAll(engine.contents().open(alice, first.emailId(), 6, 5)), StandardCharsets.UTF_8))
                .isEqualTo("Alice");
        assertThat(readAll(engine.contents().open(alice, first.emailId(), 1_000_000, 10)))
                .isEmpty();
        Mailbox after = inbox(alice);
        assertThat(after.uidNext()).isEqualTo(3);
        assertThat(after.highestModSeq()).isEqualTo(second.modSeq());
        var status = engine.mailboxes().status(alice, inbox.id());
        assertThat(status.messages()).isEqualTo(2);
        assertThat(status.unseen()).isEqualTo(2);
        assertThat(engine.mailboxes().threadCounts(alice, inbox.id()))
                .isEqualTo(new dev.mailcore.api.ThreadCounts(2, 2));
    }

    @Test
    void summaryIsExtractedAtIngest() {
        AppendResult added = append(alice, inbox(alice).id(), message("Quarterly report", "numbers"));
        var summary =
                engine.messages().summaries(alice, List.of(added.emailId())).get(added.emailId());
        assertThat(summary.subject()).isEqualTo("Quarterly report");
        assertThat(summary.envelope().subject()).isEqualTo("Quarterly report");
        assertThat(summary.body().content().mediaType()).isEqualTo("text/plain");
        assertThat(summary.preview()).isEqualTo("numbers");
    }

    @Test
    void emptyMessageIsRefusedAndNothingIsAdded() {
        Mailbox inbox = inbox(alice);
        assertReason(
                () -> engine.messages()
                        .append(alice, inbox.id(), AppendRequest.of(new ByteArrayInputStream(new byte[0]))),
                ErrorReason.INVALID_MESSAGE);
        assertThat(engine.messages().uids(alice, inbox.id())).isEmpty();
    }

    @Test
    void messageWithoutHeaderBodySeparatorIsStored() {
        AppendResult added = append(alice, inbox(alice).id(), "Subject: only headers\r\nFrom: a@b.c\r\n");
        assertThat(added.uid()).isEqualTo(1);
        var summary =
                engine.messages().summaries(alice, List.of(added.emailId())).get(added.emailId());
        assertThat(summary.subject()).isEqualTo("only headers");
    }

    @Test
    void tooLargeMessageIsRefused() {
        engine.close();
        startEngineWith(b -> b.maxMessageSize(100));
        assertReason(() -> append(alice, inbox(alice).id(), message("big", "x".repeat(500))), ErrorReason.TOO_LARGE);
    }

    /** Replaces the engine with one built with extra settings (for limits). */
    protected void startEngineWith(java.util.function.UnaryOperator<dev.mailcore.store.MailEngine.Builder> settings) {
        engine = settings.apply(dev.mailcore.store.MailEngine.builder()
                        .metadataStore(metadata)
                        .blobStore(blobs)
                        .searchIndex(index)
                        .eventBus(events))
                .build();
    }

    @Test
    void multiAppendIsAllOrNothing() {
        Mailbox inbox = inbox(alice);
        assertReason(
                () -> engine.messages()
                        .appendAll(
                                alice,
                                inbox.id(),
                                List.of(
                                        request(message("a", "b")),
                                        AppendRequest.of(new ByteArrayInputStream(new byte[0])))),
                ErrorReason.INVALID_MESSAGE);
        assertThat(engine.messages().uids(alice, inbox.id())).isEmpty();
        List<AppendResult> both = engine.messages()
                .appendAll(alice, inbox.id(), List.of(request(message("a", "b")), request(message("c", "d"))));
        assertThat(both).extracting(AppendResult::uid).containsExactly(1L, 2L);
        assertThat(both.get(0).modSeq()).isEqualTo(both.get(1).modSeq());
    }

    @Test
    void hugeUidRangesOnEmptyAndFullMailboxes() {
        Mailbox inbox = inbox(alice);
        assertThat(engine.messages().list(alice, inbox.id(), UidSet.range(1, UidSet.MAX_UID)))
                .isEmpty();
        append(alice, inbox.id(), message("a", "b"));
        assertThat(engine.messages().list(alice, inbox.id(), UidSet.range(1, UidSet.MAX_UID)))
                .hasSize(1);
        assertThat(engine.messages().list(alice, inbox.id(), UidSet.range(2, UidSet.MAX_UID)))
                .isEmpty();
        assertThat(engine.messages().listByPosition(alice, inbox.id(), 1, Long.MAX_VALUE))
                .hasSize(1);
        assertThat(engine.messages().listByPosition(alice, inbox.id(), 2, 5)).isEmpty();
        assertReason(() -> engine.messages().listByPosition(alice, inbox.id(), 0, 5), ErrorReason.INVALID_ARGUMENT);
        assertReason(() -> UidSet.range(0, 4), ErrorReason.INVALID_ARGUMENT);
        assertReason(
                () -> engine.messages().list(alice, MailboxId.of("missing"), UidSet.all()),
                ErrorReason.MAILBOX_NOT_FOUND);
    }

    @Test
    void flagsAddRemoveReplaceAndModSeq() {
        Mailbox inbox = inbox(alice);
        AppendResult added = append(alice, inbox.id(), message("s", "b"), Set.of("$Custom"));
        FlagUpdateResult r1 = engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(added.uid()),
                        FlagChange.add(Flags.of(Keywords.SEEN)),
                        OptionalLong.empty());
        MessageMeta m1 = r1.updated().get(0);
        assertThat(m1.flags().keywords()).containsExactlyInAnyOrder("$custom", Keywords.SEEN);
        assertThat(m1.modSeq()).isGreaterThan(added.modSeq());
        // A change that changes nothing takes no new MODSEQ.
        FlagUpdateResult same = engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(added.uid()),
                        FlagChange.add(Flags.of(Keywords.SEEN)),
                        OptionalLong.empty());
        assertThat(same.updated().get(0).modSeq()).isEqualTo(m1.modSeq());
        FlagUpdateResult r2 = engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.all(),
                        FlagChange.replace(new Flags(Set.of(Keywords.FLAGGED), true)),
                        OptionalLong.empty());
        assertThat(r2.updated().get(0).flags()).isEqualTo(new Flags(Set.of(Keywords.FLAGGED), true));
        FlagUpdateResult r3 = engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.all(),
                        FlagChange.remove(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        assertThat(r3.updated().get(0).flags()).isEqualTo(new Flags(Set.of(Keywords.FLAGGED), false));
        assertThat(engine.mailboxes().status(alice, inbox.id()).unseen()).isEqualTo(1);
    }

    @Test
    void flagListingShowsWhatListShows() {
        Mailbox inbox = inbox(alice);
        Mailbox other = engine.mailboxes().create(alice, "Other", null);
        AppendResult a = append(alice, inbox.id(), message("a", "a"), Set.of("$Custom"));
        AppendResult b = append(alice, inbox.id(), message("b", "b"));
        append(alice, inbox.id(), message("c", "c"), Set.of(Keywords.SEEN));
        engine.messages().copy(alice, inbox.id(), UidSet.of(a.uid()), other.id());
        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(a.uid(), b.uid()),
                        FlagChange.add(new Flags(Set.of(Keywords.FLAGGED), true)),
                        OptionalLong.empty());
        for (Mailbox mailbox : List.of(inbox, other)) {
            FlagListing listing = engine.messages().flags(alice, mailbox.id(), UidSet.all(), 0);
            List<MessageMeta> metas = engine.messages().list(alice, mailbox.id(), UidSet.all());
            assertThat(listing.size()).isEqualTo(metas.size());
            for (int i = 0; i < metas.size(); i++) {
                assertThat(listing.uid(i)).isEqualTo(metas.get(i).uid());
                assertThat(listing.modSeq(i)).isEqualTo(metas.get(i).modSeq());
                assertThat(listing.flags(i)).isEqualTo(metas.get(i).flags());
            }
        }
        // The copy in Other has the email's keywords but not INBOX's \Deleted mark.
        assertThat(engine.messages().flags(alice, other.id(), UidSet.all(), 0).flags(0))
                .isEqualTo(new Flags(Set.of("$custom", Keywords.FLAGGED), false));
        long before = engine.messages()
                .list(alice, inbox.id(), UidSet.of(b.uid()))
                .get(0)
                .modSeq();
        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(b.uid()),
                        FlagChange.add(Flags.of(Keywords.SEEN)),
                        OptionalLong.empty());
        assertThat(engine.messages()
                        .flags(alice, inbox.id(), UidSet.all(), before)
                        .uids())
                .containsExactly(b.uid());
        assertReason(
                () -> engine.messages().flags(alice, MailboxId.of("missing"), UidSet.all(), 0),
                ErrorReason.MAILBOX_NOT_FOUND);
    }

    @Test
    void unchangedSinceReportsModifiedMessages() {
        Mailbox inbox = inbox(alice);
        AppendResult a = append(alice, inbox.id(), message("a", "a"));
        AppendResult b = append(alice, inbox.id(), message("b", "b"));
        engine.messages()
                .updateFlags(
                        alice, inbox.id(), UidSet.of(b.uid()), FlagChange.add(Flags.of("$x")), OptionalLong.empty());
        FlagUpdateResult result = engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.all(),
                        FlagChange.add(Flags.of(Keywords.SEEN)),
                        OptionalLong.of(b.modSeq()));
        assertThat(result.modified()).isEqualTo(UidSet.of(b.uid()));
        assertThat(result.updated()).extracting(MessageMeta::uid).containsExactly(a.uid());
        assertThat(engine.messages()
                        .list(alice, inbox.id(), UidSet.of(b.uid()))
                        .get(0)
                        .flags()
                        .has(Keywords.SEEN))
                .isFalse();
    }

    @Test
    void copyKeepsTheEmailAndGivesNewUids() {
        Mailbox inbox = inbox(alice);
        Mailbox archive = engine.mailboxes().create(alice, "Stuff", null);
        AppendResult a = append(alice, inbox.id(), message("a", "a"));
        AppendResult b = append(alice, inbox.id(), message("b", "b"));
        CopyResult copy = engine.messages().copy(alice, inbox.id(), UidSet.range(1, 100), archive.id());
        assertThat(copy.sourceUids()).isEqualTo(UidSet.of(a.uid(), b.uid()));
        assertThat(copy.destinationUids()).containsExactly(1L, 2L);
        assertThat(copy.uidValidity()).isEqualTo(archive.uidValidity());
        assertThat(copy.expunged().isEmpty()).isTrue();
        var email = engine.messages().emails(alice, List.of(a.emailId())).get(a.emailId());
        assertThat(email.mailboxUids()).containsOnlyKeys(inbox.id(), archive.id());
        // Keywords belong to the email: both mailboxes see them.
        engine.messages()
                .updateFlags(
                        alice,
                        archive.id(),
                        UidSet.of(1),
                        FlagChange.add(Flags.of(Keywords.FLAGGED)),
                        OptionalLong.empty());
        assertThat(engine.messages()
                        .list(alice, inbox.id(), UidSet.of(a.uid()))
                        .get(0)
                        .flags()
                        .has(Keywords.FLAGGED))
                .isTrue();
        // Copying into a mailbox that has the email already makes a new email with the same content.
        CopyResult again = engine.messages().copy(alice, inbox.id(), UidSet.of(a.uid()), archive.id());
        MessageMeta duplicate = engine.messages()
                .list(alice, archive.id(), UidSet.of(again.destinationUids()[0]))
                .get(0);
        assertThat(duplicate.emailId()).isNotEqualTo(a.emailId());
        assertThat(duplicate.blobId()).isEqualTo(a.blobId());
        assertThat(duplicate.threadId()).isEqualTo(a.threadId());
        assertThat(engine.quotas().usage(alice).messagesUsed()).isEqualTo(3);
    }

    @Test
    void deletedMarkBelongsToOneMailbox() {
        Mailbox inbox = inbox(alice);
        Mailbox other = engine.mailboxes().create(alice, "Other", null);
        AppendResult a = append(alice, inbox.id(), message("a", "a"));
        engine.messages().copy(alice, inbox.id(), UidSet.of(a.uid()), other.id());
        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(a.uid()),
                        FlagChange.add(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        assertThat(engine.messages()
                        .list(alice, other.id(), UidSet.all())
                        .get(0)
                        .flags()
                        .deleted())
                .isFalse();
        var expunged = engine.messages().expunge(alice, inbox.id(), null);
        assertThat(expunged.expunged()).isEqualTo(UidSet.of(a.uid()));
        assertThat(engine.messages().uids(alice, inbox.id())).isEmpty();
        assertThat(engine.messages().uids(alice, other.id())).containsExactly(1L);
        assertThat(engine.quotas().usage(alice).messagesUsed()).isEqualTo(1);
    }

    @Test
    void uidExpungeRemovesOnlyTheNamedDeletedMessages() {
        Mailbox inbox = inbox(alice);
        for (int i = 0; i < 4; i++) {
            append(alice, inbox.id(), message("m" + i, "b"));
        }
        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.all(),
                        FlagChange.add(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        var result = engine.messages().expunge(alice, inbox.id(), UidSet.of(2, 3));
        assertThat(result.expunged()).isEqualTo(UidSet.of(2, 3));
        assertThat(engine.messages().uids(alice, inbox.id())).containsExactly(1L, 4L);
        var none = engine.messages().expunge(alice, MailboxId.of(inbox.id().value()), UidSet.of(2));
        assertThat(none.expunged().isEmpty()).isTrue();
    }

    @Test
    void uidRangesFollowAppendsAndRemovals() {
        Mailbox inbox = inbox(alice);
        assertThat(engine.messages().uidRanges(alice, inbox.id()).isEmpty()).isTrue();
        for (int i = 0; i < 8; i++) {
            append(alice, inbox.id(), message("m" + i, "b"));
        }
        assertThat(engine.messages().uidRanges(alice, inbox.id())).isEqualTo(UidSet.range(1, 8));
        engine.messages().remove(alice, inbox.id(), UidSet.of(1, 4, 5, 8));
        append(alice, inbox.id(), message("m8", "b"));
        assertThat(engine.messages().uidRanges(alice, inbox.id()).toString()).isEqualTo("2:3,6:7,9");
        assertThat(UidSet.ofAscending(engine.messages().uids(alice, inbox.id())))
                .isEqualTo(engine.messages().uidRanges(alice, inbox.id()));
        engine.messages().remove(alice, inbox.id(), UidSet.all());
        assertThat(engine.messages().uidRanges(alice, inbox.id()).isEmpty()).isTrue();
    }

    @Test
    void removeTakesTheNamedMessagesWhetherMarkedOrNot() {
        Mailbox inbox = inbox(alice);
        for (int i = 0; i < 4; i++) {
            append(alice, inbox.id(), message("m" + i, "b"));
        }
        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(4),
                        FlagChange.add(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        var result = engine.messages().remove(alice, inbox.id(), UidSet.of(2, 3, 9));
        assertThat(result.expunged()).isEqualTo(UidSet.of(2, 3));
        assertThat(engine.messages().uids(alice, inbox.id())).containsExactly(1L, 4L);
        assertThat(engine.quotas().usage(alice).messagesUsed()).isEqualTo(2);
    }

    @Test
    void moveRemovesFromTheSource() {
        Mailbox inbox = inbox(alice);
        Mailbox target = engine.mailboxes().create(alice, "Target", null);
        AppendResult a = append(alice, inbox.id(), message("a", "a"));
        CopyResult moved = engine.messages().move(alice, inbox.id(), UidSet.of(a.uid()), target.id());
        assertThat(moved.expunged()).isEqualTo(UidSet.of(a.uid()));
        assertThat(engine.messages().uids(alice, inbox.id())).isEmpty();
        MessageMeta there =
                engine.messages().list(alice, target.id(), UidSet.all()).get(0);
        assertThat(there.emailId()).isEqualTo(a.emailId());
        assertThat(engine.quotas().usage(alice).messagesUsed()).isEqualTo(1);
        assertThat(engine.changes().removedSince(alice, inbox.id(), a.modSeq())).isEqualTo(UidSet.of(a.uid()));
    }

    @Test
    void updateEmailAndDestroyAsJmapDoes() {
        Mailbox inbox = inbox(alice);
        Mailbox other = engine.mailboxes().create(alice, "Other", null);
        AppendResult a = append(alice, inbox.id(), message("a", "a"));
        engine.messages()
                .updateEmail(alice, a.emailId(), Set.of(Keywords.SEEN), Set.of(other.id()), Set.of(inbox.id()));
        var email = engine.messages().emails(alice, List.of(a.emailId())).get(a.emailId());
        assertThat(email.mailboxUids()).containsOnlyKeys(other.id());
        assertThat(email.keywords()).containsExactly(Keywords.SEEN);
        assertThat(engine.messages().destroy(alice, List.of(a.emailId(), dev.mailcore.api.EmailId.of("Enope"))))
                .containsExactly(a.emailId());
        assertThat(engine.messages().emails(alice, List.of(a.emailId()))).isEmpty();
        assertReason(() -> engine.contents().open(alice, a.emailId()), ErrorReason.EMAIL_NOT_FOUND);
        assertThat(engine.quotas().usage(alice).storageUsed()).isZero();
    }

    @Test
    void repliesJoinTheirThreadUnlessTheSubjectChanged() {
        MailboxId inbox = inbox(alice).id();
        AppendResult root = engine.messages()
                .append(
                        alice,
                        inbox,
                        new AppendRequest(
                                stream(message("a@x", "b@x", "Plans", "hi", "root@x", null)),
                                Set.of(),
                                Instant.parse("2026-01-01T10:00:00Z")));
        AppendResult reply = engine.messages()
                .append(
                        alice,
                        inbox,
                        new AppendRequest(
                                stream(message("b@x", "a@x", "Re: Plans", "ok", "reply@x", "root@x")),
                                Set.of(),
                                Instant.parse("2026-01-01T09:00:00Z")));
        AppendResult offTopic = append(alice, inbox, message("b@x", "a@x", "Lunch?", "?", "lunch@x", "root@x"));
        assertThat(reply.threadId()).isEqualTo(root.threadId());
        assertThat(offTopic.threadId()).isNotEqualTo(root.threadId());
        // A reply that arrives before its parent still ends up in one thread with it.
        AppendResult child = append(alice, inbox, message("c@x", "a@x", "Re: Trip", "later", "child@x", "parent@x"));
        AppendResult parent = append(alice, inbox, message("a@x", "c@x", "Trip", "first", "parent@x", null));
        assertThat(parent.threadId()).isEqualTo(child.threadId());
        // Oldest received first: the reply was given an earlier received date.
        assertThat(engine.messages().thread(alice, root.threadId())).containsExactly(reply.emailId(), root.emailId());
        assertReason(
                () -> engine.messages().thread(alice, dev.mailcore.api.ThreadId.of("Tnone")), ErrorReason.NOT_FOUND);
    }

    @Test
    void quotaIsEnforced() {
        var directory = newDirectory("carol", "pw", new dev.mailcore.api.Quota(2_000, 3));
        var carol = directory.byLogin("carol").orElseThrow().id();
        engine.close();
        startEngineWith(b -> b.directory(directory));
        MailboxId inbox = inbox(carol).id();
        append(carol, inbox, message("one", "x".repeat(500)));
        append(carol, inbox, message("two", "x".repeat(500)));
        assertReason(() -> append(carol, inbox, message("three", "x".repeat(1_500))), ErrorReason.OVER_QUOTA);
        append(carol, inbox, message("three", "small"));
        assertReason(() -> append(carol, inbox, message("four", "small")), ErrorReason.OVER_QUOTA);
        var usage = engine.quotas().usage(carol);
        assertThat(usage.messagesUsed()).isEqualTo(3);
        assertThat(usage.messageLimit()).isEqualTo(3);
        assertThat(usage.storageLimit()).isEqualTo(2_000);
    }

    @Test
    void listenersHearAboutChangesAfterTheyAreDurable() {
        MailboxId inbox = inbox(alice).id();
        List<AccountChanged> heard = new CopyOnWriteArrayList<>();
        var subscription = engine.subscribe(alice, heard::add);
        try {
            AppendResult added = append(alice, inbox, message("s", "b"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
            AccountChanged event = heard.get(heard.size() - 1);
            assertThat(event.modSeq()).isEqualTo(added.modSeq());
            assertThat(event.mailboxes()).contains(inbox);
            assertThat(event.emailsChanged()).isTrue();
        } finally {
            subscription.close();
        }
    }
}
