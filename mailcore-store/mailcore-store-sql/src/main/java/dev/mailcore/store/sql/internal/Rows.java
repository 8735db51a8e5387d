/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MessageRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.Record;

/** Maps between the SPI's records and table rows. */
final class Rows {
    static final String MAILBOX_CHANGED = "MAILBOX";
    static final String EMAIL_CHANGED = "EMAIL";
    static final String MESSAGE_REMOVED = "REMOVED";

    static final Field<?>[] MAILBOX_COLUMNS = {
        Tables.Mailbox.MAILBOX_ID,
        Tables.Mailbox.PARENT_ID,
        Tables.Mailbox.NAME,
        Tables.Mailbox.ROLE,
        Tables.Mailbox.UID_VALIDITY,
        Tables.Mailbox.SUBSCRIBED,
        Tables.Mailbox.SORT_ORDER
    };

    static final Field<?>[] EMAIL_COLUMNS = {
        Tables.Email.EMAIL_ID,
        Tables.Email.THREAD_ID,
        Tables.Email.BLOB_ID,
        Tables.Email.SIZE,
        Tables.Email.RECEIVED_SEC,
        Tables.Email.RECEIVED_NANO,
        Tables.Email.KEYWORDS,
        Tables.Email.SUMMARY,
        Tables.Email.MODSEQ
    };

    static final Field<?>[] MESSAGE_COLUMNS = {
        Tables.Message.MAILBOX_ID,
        Tables.Message.UID,
        Tables.Message.EMAIL_ID,
        Tables.Message.MODSEQ,
        Tables.Message.DELETED,
        Tables.Message.SAVED_SEC,
        Tables.Message.SAVED_NANO
    };

    static final Field<?>[] CHANGE_COLUMNS = {
        Tables.ChangeLog.MODSEQ,
        Tables.ChangeLog.TYPE,
        Tables.ChangeLog.KIND,
        Tables.ChangeLog.MAILBOX_ID,
        Tables.ChangeLog.EMAIL_ID,
        Tables.ChangeLog.THREAD_ID,
        Tables.ChangeLog.UID
    };

    private Rows() {}

    static MailboxRecord mailbox(Record r) {
        String parent = r.get(Tables.Mailbox.PARENT_ID);
        String role = r.get(Tables.Mailbox.ROLE);
        return new MailboxRecord(
                MailboxId.of(r.get(Tables.Mailbox.MAILBOX_ID)),
                parent == null ? null : MailboxId.of(parent),
                r.get(Tables.Mailbox.NAME),
                role == null ? null : MailboxRole.valueOf(role),
                r.get(Tables.Mailbox.UID_VALIDITY),
                r.get(Tables.Mailbox.SUBSCRIBED),
                r.get(Tables.Mailbox.SORT_ORDER));
    }

    static EmailRecord email(Record r) {
        return new EmailRecord(
                EmailId.of(r.get(Tables.Email.EMAIL_ID)),
                ThreadId.of(r.get(Tables.Email.THREAD_ID)),
                BlobId.of(r.get(Tables.Email.BLOB_ID)),
                r.get(Tables.Email.SIZE),
                Instant.ofEpochSecond(r.get(Tables.Email.RECEIVED_SEC), r.get(Tables.Email.RECEIVED_NANO)),
                keywords(r.get(Tables.Email.KEYWORDS)),
                SummaryCodec.decode(r.get(Tables.Email.SUMMARY)),
                r.get(Tables.Email.MODSEQ));
    }

    static MessageRecord message(Record r) {
        return new MessageRecord(
                MailboxId.of(r.get(Tables.Message.MAILBOX_ID)),
                r.get(Tables.Message.UID),
                EmailId.of(r.get(Tables.Message.EMAIL_ID)),
                r.get(Tables.Message.MODSEQ),
                r.get(Tables.Message.DELETED),
                Instant.ofEpochSecond(r.get(Tables.Message.SAVED_SEC), r.get(Tables.Message.SAVED_NANO)));
    }

    static Change change(Record r) {
        long modSeq = r.get(Tables.ChangeLog.MODSEQ);
        String type = r.get(Tables.ChangeLog.TYPE);
        return switch (type) {
            case MAILBOX_CHANGED ->
                new Change.MailboxChanged(
                        modSeq,
                        MailboxId.of(r.get(Tables.ChangeLog.MAILBOX_ID)),
                        ChangeKind.valueOf(r.get(Tables.ChangeLog.KIND)));
            case EMAIL_CHANGED ->
                new Change.EmailChanged(
                        modSeq,
                        EmailId.of(r.get(Tables.ChangeLog.EMAIL_ID)),
                        ThreadId.of(r.get(Tables.ChangeLog.THREAD_ID)),
                        ChangeKind.valueOf(r.get(Tables.ChangeLog.KIND)));
            case MESSAGE_REMOVED ->
                new Change.MessageRemoved(
                        modSeq,
                        MailboxId.of(r.get(Tables.ChangeLog.MAILBOX_ID)),
                        r.get(Tables.ChangeLog.UID),
                        EmailId.of(r.get(Tables.ChangeLog.EMAIL_ID)));
            default -> throw new IllegalStateException("unknown change type in the change log: " + type);
        };
    }

    /** Keywords as stored: sorted and space-separated (keywords never contain a space). */
    static String keywords(Set<String> keywords) {
        return String.join(" ", new TreeSet<>(keywords));
    }

    static Set<String> keywords(String stored) {
        return stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(" ")));
    }

    /**
     * The indexed key of a Message-ID: the id itself up to 200 characters, else {@code #} and the base64url SHA-256 of
     * its UTF-8 bytes (44 characters, so it never meets a real id of that length beginning with {@code #}).
     */
    static String messageKey(String messageId) {
        if (messageId.length() <= 200) {
            return messageId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static boolean unseen(Set<String> keywords) {
        return !keywords.contains("$seen");
    }
}
