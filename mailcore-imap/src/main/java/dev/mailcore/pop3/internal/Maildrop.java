/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import java.util.BitSet;
import java.util.List;

/**
 * The messages of one session, numbered as they were at login (RFC 1939: numbers do not change during a session),
 * and which of them the client marked deleted. Marks live only here, so a session that ends without QUIT leaves
 * nothing behind in the store.
 */
final class Maildrop {
    private final MailboxId mailbox;
    private final List<MessageMeta> messages;
    private final BitSet deleted = new BitSet();

    Maildrop(MailboxId mailbox, List<MessageMeta> messages) {
        this.mailbox = mailbox;
        this.messages = List.copyOf(messages);
    }

    MailboxId mailbox() {
        return mailbox;
    }

    /** The number of messages at login, deleted ones included: the highest valid message number. */
    int size() {
        return messages.size();
    }

    /**
     * The message with this number.
     *
     * @throws CommandRefused when there is none, or it is marked deleted
     */
    MessageMeta get(int number) {
        if (number < 1 || number > messages.size()) {
            throw new CommandRefused("no such message");
        }
        if (deleted.get(number - 1)) {
            throw new CommandRefused("message " + number + " already deleted");
        }
        return messages.get(number - 1);
    }

    boolean isDeleted(int number) {
        return deleted.get(number - 1);
    }

    /** Marks a message deleted; @throws CommandRefused as {@link #get(int)} does. */
    void delete(int number) {
        get(number);
        deleted.set(number - 1);
    }

    /** Unmarks every message. */
    void reset() {
        deleted.clear();
    }

    /** The messages not marked deleted. */
    int count() {
        return messages.size() - deleted.cardinality();
    }

    /** The octets of the messages not marked deleted. */
    long octets() {
        long total = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (!deleted.get(i)) {
                total += messages.get(i).size();
            }
        }
        return total;
    }

    /** The UIDs (in the INBOX) of the messages marked deleted. */
    UidSet deletedUids() {
        UidSet.Builder uids = UidSet.builder();
        deleted.stream().forEach(i -> uids.add(messages.get(i).uid()));
        return uids.build();
    }
}
