/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The session's view of its selected mailbox: the UIDs in sequence-number order as the client last learned them,
 * so sequence numbers stay right while other sessions add, flag and expunge.
 */
public final class SelectedMailbox {
    private final Mailbox mailbox;
    private final boolean readOnly;
    private final Map<Long, Long> ownChanges = new HashMap<>();
    private UidList uids;
    private long highestModSeq;
    private long uidNext;
    private boolean expungePending;
    private UidSet savedResult = UidSet.builder().build();

    /** A view of a mailbox just selected. */
    public static SelectedMailbox of(Mailbox mailbox, boolean readOnly, UidSet uids) {
        return new SelectedMailbox(mailbox, readOnly, UidList.of(uids));
    }

    private SelectedMailbox(Mailbox mailbox, boolean readOnly, UidList uids) {
        this.mailbox = mailbox;
        this.readOnly = readOnly;
        this.uids = uids;
        this.highestModSeq = mailbox.highestModSeq();
        this.uidNext = mailbox.uidNext();
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public int exists() {
        return uids.size();
    }

    /** The UID at a sequence number (1-based). */
    public long uidAt(int sequence) {
        return uids.get(sequence - 1);
    }

    /** The sequence number of a UID, or 0 when the session does not know it. */
    public int sequenceOf(long uid) {
        return uids.indexOf(uid) + 1;
    }

    /** Turns a client's set (sequence numbers, or UIDs when {@code uid}) into UID ranges. */
    public UidSet toUids(SequenceSet set, boolean uid) {
        if (set.isSaved()) {
            return savedResult;
        }
        if (uid) {
            return set.resolve(uids.last());
        }
        UidSet sequences = set.resolve(uids.size());
        UidSet.Builder builder = UidSet.builder();
        for (int i = 0; i < sequences.rangeCount(); i++) {
            builder.add(uids.get((int) sequences.rangeStart(i) - 1), uids.get((int) sequences.rangeEnd(i) - 1));
        }
        return builder.build();
    }

    /** Keeps the UIDs a {@code SEARCH RETURN (SAVE)} found, for {@code $} in later commands (SEARCHRES). */
    public void saveResult(UidSet uids) {
        savedResult = uids;
    }

    /** Remembers a flag change this session made and already reported, so {@link #refresh} does not repeat it. */
    public void reported(long uid, long modSeq) {
        ownChanges.put(uid, modSeq);
    }

    /**
     * Brings the view up to date and writes what changed: EXPUNGE (only when {@code expungeAllowed}), EXISTS, and
     * FETCH FLAGS for flag changes made elsewhere.
     */
    public void refresh(
            MailStore store,
            AccountId account,
            ResponseWriter out,
            boolean expungeAllowed,
            boolean condstore,
            boolean vanished) {
        Mailbox now = store.mailboxes().get(account, mailbox.id()).orElse(null);
        if (now == null) {
            return;
        }
        boolean changed = now.highestModSeq() != highestModSeq || now.uidNext() != uidNext;
        if (!changed && !(expungeAllowed && expungePending)) {
            ownChanges.clear();
            return;
        }
        long[] current = store.messages().uids(account, mailbox.id());
        long known = uids.last();
        if (expungeAllowed) {
            expunge(current, out, vanished);
        } else {
            expungePending |= hasMissing(current);
        }
        if (changed && known > 0 && highestModSeq < now.highestModSeq()) {
            flagChanges(store, account, known, out, condstore);
        }
        int added = 0;
        for (int i = current.length - 1; i >= 0 && current[i] > known; i--) {
            added++;
        }
        if (added > 0) {
            uids = uids.append(current, current.length - added);
            out.untagged(uids.size() + " EXISTS");
        }
        highestModSeq = now.highestModSeq();
        uidNext = now.uidNext();
        ownChanges.clear();
    }

    /** With QRESYNC enabled, removals are one {@code * VANISHED uids} instead of an EXPUNGE each (RFC 7162 §3.2.10). */
    private void expunge(long[] current, ResponseWriter out, boolean vanished) {
        UidSet.Builder gone = UidSet.builder();
        long[] known = uids.toArray();
        int kept = 0;
        long[] next = new long[known.length];
        boolean removed = false;
        for (int i = known.length - 1; i >= 0; i--) {
            long uid = known[i];
            if (uid <= (current.length == 0 ? 0 : current[current.length - 1])
                    && Arrays.binarySearch(current, uid) >= 0) {
                continue;
            }
            if (vanished) {
                gone.add(uid);
            } else {
                // Highest sequence number first, so no later number shifts.
                out.untagged((i + 1) + " EXPUNGE");
            }
            known[i] = -1;
            removed = true;
        }
        if (removed) {
            for (long uid : known) {
                if (uid > 0) {
                    next[kept++] = uid;
                }
            }
            uids = UidList.of(Arrays.copyOf(next, kept));
            if (vanished) {
                out.untagged("VANISHED " + gone.build());
            }
        }
        expungePending = false;
    }

    private boolean hasMissing(long[] current) {
        for (long uid : uids.toArray()) {
            if (Arrays.binarySearch(current, uid) < 0) {
                return true;
            }
        }
        return false;
    }

    private void flagChanges(MailStore store, AccountId account, long known, ResponseWriter out, boolean condstore) {
        FlagListing changed = store.messages().flags(account, mailbox.id(), UidSet.range(1, known), highestModSeq);
        for (int i = 0; i < changed.size(); i++) {
            long uid = changed.uid(i);
            Long own = ownChanges.get(uid);
            int sequence = sequenceOf(uid);
            if (sequence == 0 || (own != null && own == changed.modSeq(i))) {
                continue;
            }
            out.raw("* ").number(sequence).raw(" FETCH (FLAGS ");
            MessageFlags.write(changed.flags(i), out);
            out.raw(" UID ").number(uid);
            if (condstore) {
                out.raw(" MODSEQ (").number(changed.modSeq(i)).raw(")");
            }
            out.raw(")").crlf();
        }
    }
}
