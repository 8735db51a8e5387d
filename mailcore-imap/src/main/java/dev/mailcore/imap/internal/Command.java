/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.net.Literal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** A parsed IMAP command. Each record is what its processor needs, nothing more. */
public sealed interface Command {
    /** The tag the client gave the command. */
    String tag();

    record Capability(String tag) implements Command {}

    record Noop(String tag) implements Command {}

    record Logout(String tag) implements Command {}

    record StartTls(String tag) implements Command {}

    record Login(String tag, String user, String password) implements Command {}

    /** @param initialResponse base64 text, "=" for an empty one, or null when absent (SASL-IR) */
    record Authenticate(String tag, String mechanism, String initialResponse) implements Command {}

    record Enable(String tag, List<String> capabilities) implements Command {}

    record Id(String tag) implements Command {}

    record Namespace(String tag) implements Command {}

    /** SELECT or EXAMINE; {@code qresync} is null unless the client sent the QRESYNC parameter. */
    record Select(String tag, String mailbox, boolean readOnly, boolean condstore, Qresync qresync)
            implements Command {}

    /**
     * The QRESYNC parameter of SELECT (RFC 7162 §3.2.5): what the client knew when it last saw the mailbox.
     *
     * @param knownUids the UIDs the client knows, or null for all
     */
    record Qresync(long uidValidity, long modSeq, SequenceSet knownUids) {}

    /** @param specialUse the USE attributes of CREATE-SPECIAL-USE, usually empty */
    record Create(String tag, String mailbox, List<String> specialUse) implements Command {}

    record Delete(String tag, String mailbox) implements Command {}

    record Rename(String tag, String from, String to) implements Command {}

    record Subscribe(String tag, String mailbox, boolean subscribe) implements Command {}

    /**
     * LIST or LSUB, with the selection and return options of LIST-EXTENDED (RFC 5258), SPECIAL-USE (RFC 6154) and
     * LIST-STATUS (RFC 5819).
     *
     * @param patterns one or more mailbox patterns; a mailbox is listed when it matches any
     * @param statusItems the items of RETURN (STATUS (...)), empty when no STATUS was asked for
     */
    record ListMailboxes(
            String tag,
            String reference,
            List<String> patterns,
            boolean lsub,
            Set<ListOption> selection,
            Set<ListOption> returns,
            List<String> statusItems)
            implements Command {}

    /** The selection and return options of an extended LIST. */
    enum ListOption {
        SUBSCRIBED,
        REMOTE,
        RECURSIVEMATCH,
        SPECIAL_USE,
        CHILDREN
    }

    record Status(String tag, String mailbox, List<String> items) implements Command {}

    /** APPEND of one message, or of several at once (MULTIAPPEND, RFC 3502). */
    record Append(String tag, String mailbox, List<AppendMessage> messages) implements Command {}

    /** One message of an APPEND, with its flags and date-time (null when not given). */
    record AppendMessage(List<String> flags, Instant date, Literal message) {}

    record Check(String tag) implements Command {}

    record Close(String tag) implements Command {}

    record Unselect(String tag) implements Command {}

    /** EXPUNGE, or UID EXPUNGE when {@code uids} is not null. */
    record Expunge(String tag, SequenceSet uids) implements Command {}

    /** @param vanished the VANISHED modifier of UID FETCH (RFC 7162 §3.2.6) */
    record Fetch(
            String tag,
            boolean uid,
            SequenceSet set,
            List<FetchItem> items,
            OptionalLong changedSince,
            boolean vanished)
            implements Command {}

    record Store(
            String tag,
            boolean uid,
            SequenceSet set,
            StoreMode mode,
            boolean silent,
            List<String> flags,
            OptionalLong unchangedSince)
            implements Command {}

    /** COPY or MOVE. */
    record Copy(String tag, boolean uid, SequenceSet set, String mailbox, boolean move) implements Command {}

    /**
     * SEARCH or UID SEARCH. The query has its sequence sets still unresolved; the processor resolves them.
     *
     * @param returns the RETURN options of ESEARCH (RFC 4731) and SEARCHRES (RFC 5182); empty when RETURN () asked
     *     for the default, null when the client sent no RETURN at all
     */
    record Search(String tag, boolean uid, SearchKey key, Set<SearchReturn> returns) implements Command {}

    /** SORT or UID SORT (RFC 5256, with RFC 5957's DISPLAYFROM and DISPLAYTO). */
    record Sort(String tag, boolean uid, List<SortKey> sort, SearchKey key) implements Command {}

    /** THREAD or UID THREAD (RFC 5256). */
    record Thread(String tag, boolean uid, ThreadAlgorithm algorithm, SearchKey key) implements Command {}

    /** What a SEARCH RETURN (...) asks for. */
    enum SearchReturn {
        MIN,
        MAX,
        COUNT,
        ALL,
        SAVE
    }

    record Idle(String tag) implements Command {}

    /** GETQUOTA root, or GETQUOTAROOT mailbox when {@code ofMailbox} (RFC 9208). */
    record GetQuota(String tag, String name, boolean ofMailbox) implements Command {}

    /** UNAUTHENTICATE (RFC 8437). */
    record Unauthenticate(String tag) implements Command {}

    /** COMPRESS (RFC 4978) with the mechanism the client asked for, uppercase. */
    record Compress(String tag, String mechanism) implements Command {}

    /** How STORE changes flags. */
    enum StoreMode {
        ADD,
        REMOVE,
        REPLACE
    }

    /** A parsed SEARCH key tree, before sequence numbers are resolved against the session. */
    sealed interface SearchKey {
        record Query(SearchQuery query) implements SearchKey {}

        record Sequence(SequenceSet set, boolean uid) implements SearchKey {}

        record And(List<SearchKey> keys) implements SearchKey {}

        record Or(SearchKey left, SearchKey right) implements SearchKey {}

        record Not(SearchKey key) implements SearchKey {}

        /** OLDER or YOUNGER (WITHIN, RFC 5032): resolved against the server's clock when the search runs. */
        record Within(boolean older, long seconds) implements SearchKey {}
    }
}
