/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.FlagUpdateResult;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Applies flag changes. Keywords are the email's, so a change raises the MODSEQ of every membership of the email
 * (each mailbox holding it sees the change under CONDSTORE); {@code \Deleted} is the membership's alone. A change
 * that leaves a message's flags as they were changes nothing and takes no MODSEQ (RFC 7162 §3.1.3).
 */
public final class FlagUpdater {
    public FlagUpdateResult update(
            MetadataTransaction tx,
            ChangeRecorder recorder,
            MailboxId mailbox,
            UidSet uids,
            FlagChange change,
            OptionalLong unchangedSince) {
        List<MessageRecord> messages = tx.messages(mailbox, uids, 0);
        Map<EmailId, EmailRecord> emails = new java.util.HashMap<>(
                tx.emails(messages.stream().map(MessageRecord::emailId).toList()));
        List<MessageMeta> updated = new ArrayList<>(messages.size());
        UidSet.Builder modified = UidSet.builder();
        boolean anyModified = false;
        for (MessageRecord message : messages) {
            EmailRecord email = emails.get(message.emailId());
            if (unchangedSince.isPresent() && message.modSeq() > unchangedSince.getAsLong()) {
                modified.add(message.uid());
                anyModified = true;
                continue;
            }
            Flags before = new Flags(email.keywords(), message.deleted());
            Flags after = change.applyTo(before);
            MessageRecord current = message;
            if (!after.keywords().equals(before.keywords())) {
                email = setKeywords(tx, recorder, email, after.keywords());
                emails.put(email.id(), email);
                current = current.with(recorder.modSeq(), current.deleted());
            }
            if (after.deleted() != before.deleted()) {
                current = current.with(recorder.modSeq(), after.deleted());
                tx.updateMessage(current);
                recorder.mailboxContent(mailbox);
            }
            updated.add(Metas.of(current, email));
        }
        return new FlagUpdateResult(updated, anyModified ? modified.build() : UidSet.empty());
    }

    /** Replaces an email's keywords and raises the MODSEQ of all its memberships. */
    public EmailRecord setKeywords(
            MetadataTransaction tx, ChangeRecorder recorder, EmailRecord email, Set<String> keywords) {
        Set<String> normalized = Keywords.normalizeAll(keywords);
        if (normalized.equals(email.keywords())) {
            return email;
        }
        long modSeq = recorder.modSeq();
        tx.updateEmail(email.id(), normalized, modSeq);
        for (MessageRecord membership : tx.memberships(email.id())) {
            tx.updateMessage(membership.with(modSeq, membership.deleted()));
            recorder.mailboxContent(membership.mailboxId());
        }
        recorder.email(email.id(), email.threadId(), ChangeKind.UPDATED);
        return email.withKeywords(normalized, modSeq);
    }
}
