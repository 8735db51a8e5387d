/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.MailException;
import dev.mailcore.api.UidSet;

/** Writes {@code * VANISHED (EARLIER) uids} (RFC 7162 §3.2.10) for QRESYNC and UID FETCH ... VANISHED. */
public final class Vanished {
    private Vanished() {}

    /** The UIDs of {@code within} removed since {@code modSeq}; nothing is written when there are none. */
    public static void write(ImapSession session, SelectedMailbox selected, UidSet within, long modSeq) {
        UidSet removed;
        try {
            removed = session.store()
                    .changes()
                    .removedSince(session.account(), selected.mailbox().id(), modSeq);
        } catch (MailException e) {
            if (e.reason().temporary()) {
                throw e;
            }
            // The change log no longer reaches back that far: every known UID that is gone now is reported.
            removed = missing(selected);
        }
        UidSet.Builder reported = UidSet.builder();
        for (int i = 0; i < removed.rangeCount(); i++) {
            for (int j = 0; j < within.rangeCount(); j++) {
                long lo = Math.max(removed.rangeStart(i), within.rangeStart(j));
                long hi = Math.min(removed.rangeEnd(i), within.rangeEnd(j));
                if (lo <= hi) {
                    reported.add(lo, hi);
                }
            }
        }
        UidSet result = reported.build();
        if (!result.isEmpty()) {
            session.out().untagged("VANISHED (EARLIER) " + result);
        }
    }

    /** The UIDs below UIDNEXT that the mailbox does not hold (as ranges, never expanded). */
    private static UidSet missing(SelectedMailbox selected) {
        long top = selected.mailbox().uidNext() - 1;
        UidSet.Builder gone = UidSet.builder();
        long next = 1;
        for (int i = 0; i < selected.exists(); i++) {
            long uid = selected.uidAt(i + 1);
            if (uid > next) {
                gone.add(next, uid - 1);
            }
            next = uid + 1;
        }
        if (next <= top) {
            gone.add(next, top);
        }
        return gone.build();
    }
}
