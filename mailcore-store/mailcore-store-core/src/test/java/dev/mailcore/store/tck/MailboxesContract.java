/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.MailboxUpdate;
import dev.mailcore.api.UidSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Mailbox management through the engine: what IMAP LIST/CREATE/RENAME/DELETE and JMAP Mailbox/set rely on. */
public abstract class MailboxesContract extends EngineFixture {

    static void assertReason(ThrowingCallable call, ErrorReason reason) {
        assertThatThrownBy(call)
                .isInstanceOf(MailException.class)
                .satisfies(e -> assertThat(((MailException) e).reason()).isEqualTo(reason));
    }

    @Test
    void newAccountHasInboxFirstAndTheSpecialUseMailboxes() {
        var list = engine.mailboxes().list(alice);
        assertThat(list.get(0).path()).isEqualTo("INBOX");
        assertThat(list.get(0).role()).isEqualTo(MailboxRole.INBOX);
        assertThat(list)
                .extracting(Mailbox::role)
                .contains(
                        MailboxRole.DRAFTS, MailboxRole.SENT, MailboxRole.TRASH, MailboxRole.JUNK, MailboxRole.ARCHIVE);
        assertThat(list).allSatisfy(m -> {
            assertThat(m.uidValidity()).isBetween(1L, UidSet.MAX_UID);
            assertThat(m.uidNext()).isEqualTo(1);
        });
    }

    @Test
    void inboxIsFoundInAnyCase() {
        Mailbox inbox = inbox(alice);
        assertThat(engine.mailboxes().byPath(alice, "inbox")).contains(inbox);
        assertThat(engine.mailboxes().byPath(alice, "InBoX")).contains(inbox);
        assertReason(() -> engine.mailboxes().create(alice, "inbox", null), ErrorReason.ALREADY_EXISTS);
    }

    @Test
    void createMakesMissingParentsAndRefusesDuplicates() {
        Mailbox leaf = engine.mailboxes().create(alice, "Projects/2026/Q1", null);
        assertThat(leaf.path()).isEqualTo("Projects/2026/Q1");
        assertThat(leaf.name()).isEqualTo("Q1");
        Mailbox parent = engine.mailboxes().byPath(alice, "Projects/2026").orElseThrow();
        assertThat(leaf.parentId()).isEqualTo(parent.id());
        assertReason(() -> engine.mailboxes().create(alice, "Projects/2026/Q1", null), ErrorReason.ALREADY_EXISTS);
        // A trailing delimiter names the same mailbox (IMAP CREATE "foo/").
        assertReason(() -> engine.mailboxes().create(alice, "Projects/", null), ErrorReason.ALREADY_EXISTS);
    }

    @Test
    void invalidNamesAreRefused() {
        for (String bad : new String[] {"", "a//b", "/a", "..", "a/./b", "tab\there", "x".repeat(256)}) {
            assertReason(() -> engine.mailboxes().create(alice, bad, null), ErrorReason.INVALID_NAME);
        }
        assertReason(() -> engine.mailboxes().create(alice, null, null), ErrorReason.INVALID_NAME);
        assertThat(engine.mailboxes().byPath(alice, "a//b")).isEmpty();
    }

    @Test
    void unicodeNamesWork() {
        Mailbox box = engine.mailboxes().create(alice, "Entwürfe/日本語", null);
        assertThat(engine.mailboxes().byPath(alice, "Entwürfe/日本語")).contains(box);
    }

    @Test
    void roleIsUniquePerAccount() {
        assertReason(
                () -> engine.mailboxes().create(alice, "Other Sent", MailboxRole.SENT), ErrorReason.ALREADY_EXISTS);
        Mailbox flagged = engine.mailboxes().create(alice, "Starred", MailboxRole.FLAGGED);
        assertThat(flagged.role()).isEqualTo(MailboxRole.FLAGGED);
    }

    @Test
    void renameMovesChildrenAlong() {
        engine.mailboxes().create(alice, "A/B/C", null);
        Mailbox a = engine.mailboxes().byPath(alice, "A").orElseThrow();
        Mailbox renamed = engine.mailboxes().rename(alice, a.id(), "X/Y");
        assertThat(renamed.path()).isEqualTo("X/Y");
        assertThat(renamed.id()).isEqualTo(a.id());
        assertThat(renamed.uidValidity()).isEqualTo(a.uidValidity());
        assertThat(engine.mailboxes().byPath(alice, "X/Y/B/C")).isPresent();
        assertThat(engine.mailboxes().byPath(alice, "A/B")).isEmpty();
    }

    @Test
    void renameRefusesExistingTargetsAndMovesBelowItself() {
        engine.mailboxes().create(alice, "A/B", null);
        engine.mailboxes().create(alice, "C", null);
        Mailbox a = engine.mailboxes().byPath(alice, "A").orElseThrow();
        assertReason(() -> engine.mailboxes().rename(alice, a.id(), "C"), ErrorReason.ALREADY_EXISTS);
        assertReason(() -> engine.mailboxes().rename(alice, a.id(), "A/B/Z"), ErrorReason.CANNOT);
        assertReason(() -> engine.mailboxes().rename(alice, MailboxId.of("nope"), "Z"), ErrorReason.MAILBOX_NOT_FOUND);
    }

    @Test
    void renamingInboxMovesItsMessagesAndKeepsAnEmptyInbox() {
        Mailbox inbox = inbox(alice);
        append(alice, inbox.id(), message("one", "1"));
        append(alice, inbox.id(), message("two", "2"));
        Mailbox old = engine.mailboxes().rename(alice, inbox.id(), "Old Inbox");
        assertThat(old.id()).isNotEqualTo(inbox.id());
        assertThat(engine.mailboxes().status(alice, old.id()).messages()).isEqualTo(2);
        assertThat(engine.mailboxes().status(alice, inbox.id()).messages()).isZero();
        assertThat(inbox(alice).id()).isEqualTo(inbox.id());
    }

    @Test
    void deleteRules() {
        Mailbox inbox = inbox(alice);
        assertReason(() -> engine.mailboxes().delete(alice, inbox.id(), true), ErrorReason.CANNOT);
        Mailbox child = engine.mailboxes().create(alice, "P/Q", null);
        Mailbox parent = engine.mailboxes().byPath(alice, "P").orElseThrow();
        assertReason(() -> engine.mailboxes().delete(alice, parent.id(), true), ErrorReason.HAS_CHILDREN);
        append(alice, child.id(), message("s", "b"));
        assertReason(() -> engine.mailboxes().delete(alice, child.id(), false), ErrorReason.MAILBOX_NOT_EMPTY);
        engine.mailboxes().delete(alice, child.id(), true);
        assertThat(engine.mailboxes().byPath(alice, "P/Q")).isEmpty();
        assertThat(engine.quotas().usage(alice).messagesUsed()).isZero();
        engine.mailboxes().delete(alice, parent.id(), false);
        assertReason(() -> engine.mailboxes().delete(alice, parent.id(), false), ErrorReason.MAILBOX_NOT_FOUND);
    }

    @Test
    void deletingAMailboxKeepsEmailsThatAreElsewhereToo() {
        Mailbox inbox = inbox(alice);
        Mailbox other = engine.mailboxes().create(alice, "Other", null);
        var added = append(alice, inbox.id(), message("s", "b"));
        engine.messages().copy(alice, inbox.id(), UidSet.of(added.uid()), other.id());
        engine.mailboxes().delete(alice, other.id(), true);
        assertThat(engine.messages().emails(alice, java.util.List.of(added.emailId())))
                .containsKey(added.emailId());
    }

    @Test
    void uidValidityChangesWhenAMailboxIsCreatedAgain() {
        Mailbox first = engine.mailboxes().create(alice, "Again", null);
        engine.mailboxes().delete(alice, first.id(), true);
        Mailbox second = engine.mailboxes().create(alice, "Again", null);
        assertThat(second.uidValidity()).isNotEqualTo(first.uidValidity());
        assertThat(second.uidValidity()).isGreaterThan(first.uidValidity());
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void subscriptionAndUpdate() {
        Mailbox box = engine.mailboxes().create(alice, "News", null);
        assertThat(box.subscribed()).isFalse();
        engine.mailboxes().setSubscribed(alice, box.id(), true);
        assertThat(engine.mailboxes().get(alice, box.id()).orElseThrow().subscribed())
                .isTrue();
        Mailbox updated = engine.mailboxes()
                .update(
                        alice,
                        box.id(),
                        MailboxUpdate.NONE.withName("Newsletters").withSortOrder(7));
        assertThat(updated.path()).isEqualTo("Newsletters");
        assertThat(updated.sortOrder()).isEqualTo(7);
        assertReason(
                () -> engine.mailboxes().update(alice, inbox(alice).id(), MailboxUpdate.NONE.withName("Post")),
                ErrorReason.CANNOT);
        Mailbox child = engine.mailboxes().createChild(alice, box.id(), "Child", null);
        assertReason(
                () -> engine.mailboxes().update(alice, box.id(), MailboxUpdate.NONE.withParent(child.id())),
                ErrorReason.CANNOT);
    }

    @Test
    void accountsNeverSeeEachOther() {
        Mailbox secret = engine.mailboxes().create(alice, "Secret", null);
        assertThat(engine.mailboxes().get(bob, secret.id())).isEmpty();
        assertThat(engine.mailboxes().byPath(bob, "Secret")).isEmpty();
        assertReason(() -> engine.mailboxes().status(bob, secret.id()), ErrorReason.MAILBOX_NOT_FOUND);
        assertReason(() -> engine.mailboxes().delete(bob, secret.id(), true), ErrorReason.MAILBOX_NOT_FOUND);
        assertReason(() -> append(bob, secret.id(), message("x", "y")), ErrorReason.MAILBOX_NOT_FOUND);
    }

    @Test
    void nullIdsAreClientErrors() {
        assertReason(() -> engine.mailboxes().list(null), ErrorReason.INVALID_ARGUMENT);
        assertReason(() -> engine.messages().uids(alice, null), ErrorReason.INVALID_ARGUMENT);
        assertReason(() -> MailboxId.of(null), ErrorReason.INVALID_ARGUMENT);
        assertReason(() -> MailboxId.of("has space"), ErrorReason.INVALID_ARGUMENT);
    }
}
