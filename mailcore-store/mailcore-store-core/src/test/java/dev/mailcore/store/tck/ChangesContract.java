/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static dev.mailcore.store.tck.MailboxesContract.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendResult;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The account change log: exactly what changed since a MODSEQ. */
public abstract class ChangesContract extends EngineFixture {

    @Test
    void changesSinceAModSeqAreExactlyWhatHappenedAfterIt() {
        Mailbox inbox = inbox(alice);
        long start = engine.changes().highestModSeq(alice);
        AppendResult a = append(alice, inbox.id(), message("a", "a"));
        AppendResult b = append(alice, inbox.id(), message("b", "b"));
        long afterAppends = engine.changes().highestModSeq(alice);
        assertThat(afterAppends).isEqualTo(b.modSeq());

        ChangeSet all = engine.changes().since(alice, start, 100);
        assertThat(all.changes())
                .contains(
                        new Change.EmailChanged(a.modSeq(), a.emailId(), a.threadId(), ChangeKind.CREATED),
                        new Change.EmailChanged(b.modSeq(), b.emailId(), b.threadId(), ChangeKind.CREATED),
                        new Change.MailboxChanged(a.modSeq(), inbox.id(), ChangeKind.UPDATED));
        assertThat(all.until()).isEqualTo(afterAppends);
        assertThat(all.hasMore()).isFalse();

        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(a.uid()),
                        FlagChange.add(Flags.of(Keywords.SEEN)),
                        OptionalLong.empty());
        engine.messages()
                .updateFlags(
                        alice,
                        inbox.id(),
                        UidSet.of(a.uid()),
                        FlagChange.add(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        engine.messages().expunge(alice, inbox.id(), null);
        long end = engine.changes().highestModSeq(alice);

        ChangeSet later = engine.changes().since(alice, afterAppends, 100);
        assertThat(later.changes()).allSatisfy(c -> assertThat(c.modSeq()).isGreaterThan(afterAppends));
        assertThat(later.changes())
                .filteredOn(c -> c instanceof Change.EmailChanged)
                .extracting(c -> ((Change.EmailChanged) c).emailId())
                .containsOnly(a.emailId());
        assertThat(later.changes())
                .contains(new Change.EmailChanged(end, a.emailId(), a.threadId(), ChangeKind.DESTROYED))
                .contains(new Change.MessageRemoved(end, inbox.id(), a.uid(), a.emailId()));
        assertThat(engine.changes().since(alice, end, 10).changes()).isEmpty();
        assertThat(engine.changes().removedSince(alice, inbox.id(), afterAppends))
                .isEqualTo(UidSet.of(a.uid()));
        assertThat(engine.changes().removedSince(alice, inbox.id(), end).isEmpty())
                .isTrue();
    }

    @Test
    void maxChangesPagesByOperationAndNeverSplitsOne() {
        Mailbox inbox = inbox(alice);
        long start = engine.changes().highestModSeq(alice);
        for (int i = 0; i < 5; i++) {
            append(alice, inbox.id(), message("m" + i, "b"));
        }
        long cursor = start;
        int pages = 0;
        int emails = 0;
        ChangeSet page;
        do {
            page = engine.changes().since(alice, cursor, 2);
            long distinct =
                    page.changes().stream().mapToLong(Change::modSeq).distinct().count();
            assertThat(distinct).isLessThanOrEqualTo(2);
            emails += (int) page.changes().stream()
                    .filter(c -> c instanceof Change.EmailChanged)
                    .count();
            assertThat(page.until()).isGreaterThan(cursor);
            cursor = page.until();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isEqualTo(3);
        assertThat(emails).isEqualTo(5);
        assertThat(cursor).isEqualTo(engine.changes().highestModSeq(alice));
    }

    @Test
    void impossibleStatesAreReportedNotGuessed() {
        long now = engine.changes().highestModSeq(alice);
        assertReason(() -> engine.changes().since(alice, now + 1, 10), ErrorReason.CHANGES_UNAVAILABLE);
        assertReason(() -> engine.changes().since(alice, -1, 10), ErrorReason.CHANGES_UNAVAILABLE);
        assertReason(() -> engine.changes().since(alice, now, 0), ErrorReason.INVALID_ARGUMENT);
    }

    @Test
    void mailboxChangesAreLogged() {
        long start = engine.changes().highestModSeq(alice);
        Mailbox box = engine.mailboxes().create(alice, "Logged", null);
        engine.mailboxes().rename(alice, box.id(), "Renamed");
        engine.mailboxes().delete(alice, box.id(), false);
        ChangeSet set = engine.changes().since(alice, start, 100);
        assertThat(set.changes())
                .filteredOn(c ->
                        c instanceof Change.MailboxChanged m && m.mailboxId().equals(box.id()))
                .extracting(c -> ((Change.MailboxChanged) c).kind())
                .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.DESTROYED);
    }
}
