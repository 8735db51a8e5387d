/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import java.io.InputStream;

/** The commands of the TRANSACTION state (RFC 1939 section 5) over one session's {@link Maildrop}. */
final class Transaction {
    private final MailStore store;
    private final AccountId account;
    private final Maildrop maildrop;
    private final Pop3Writer out;

    Transaction(MailStore store, AccountId account, Maildrop maildrop, Pop3Writer out) {
        this.store = store;
        this.account = account;
        this.maildrop = maildrop;
        this.out = out;
    }

    void stat() {
        out.ok(maildrop.count() + " " + maildrop.octets());
    }

    void list(int number) {
        if (number != 0) {
            out.ok(number + " " + maildrop.get(number).size());
            return;
        }
        out.ok(maildrop.count() + " messages (" + maildrop.octets() + " octets)");
        for (int n = 1; n <= maildrop.size(); n++) {
            if (!maildrop.isDeleted(n)) {
                out.line(n + " " + maildrop.get(n).size());
            }
        }
        out.end();
    }

    void uidl(int number) {
        if (number != 0) {
            out.ok(number + " " + Uidl.of(maildrop.get(number).emailId()));
            return;
        }
        out.ok("unique-id listing follows");
        for (int n = 1; n <= maildrop.size(); n++) {
            if (!maildrop.isDeleted(n)) {
                out.line(n + " " + Uidl.of(maildrop.get(n).emailId()));
            }
        }
        out.end();
    }

    void retr(int number) {
        MessageMeta message = maildrop.get(number);
        InputStream content = open(number, message);
        out.ok(message.size() + " octets").message(content, -1).end();
    }

    void top(int number, long lines) {
        MessageMeta message = maildrop.get(number);
        InputStream content = open(number, message);
        out.ok("top of message follows").message(content, lines).end();
    }

    /** Opened before the +OK, so a message gone from the store meanwhile is an -ERR, not a broken response. */
    private InputStream open(int number, MessageMeta message) {
        try {
            return store.contents().open(account, message.emailId());
        } catch (MailException e) {
            if (e.reason() == ErrorReason.EMAIL_NOT_FOUND) {
                throw new CommandRefused("message " + number + " no longer exists");
            }
            throw e;
        }
    }

    void dele(int number) {
        maildrop.delete(number);
        out.ok("message " + number + " deleted");
    }

    void rset() {
        maildrop.reset();
        out.ok("maildrop has " + maildrop.count() + " messages (" + maildrop.octets() + " octets)");
    }

    void noop() {
        out.ok("");
    }

    /**
     * The UPDATE state: removes the marked messages from the INBOX in one store transaction, and only then answers.
     * Only the memberships this session marked are touched, so a dropped session leaves nothing behind.
     */
    void update() {
        UidSet uids = maildrop.deletedUids();
        long removed = uids.isEmpty()
                ? 0
                : store.messages()
                        .remove(account, maildrop.mailbox(), uids)
                        .expunged()
                        .count();
        // Messages another client removed meanwhile are not counted: the number is what this QUIT removed.
        out.ok("bye, " + removed + " messages deleted");
    }
}
