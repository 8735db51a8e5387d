/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A search over the messages of a mailbox or the emails of an account: the criteria of IMAP SEARCH (RFC 9051
 * §6.4.4 and its extensions) and of JMAP Email/query filters (RFC 8621 §4.4.1) as one typed tree.
 *
 * <p>Text criteria match case-insensitively. Criteria marked {@link Content} look at what is inside the message and
 * are answered by the search index; the others look at stored metadata and are answered by the engine. The engine
 * sends every maximal subtree made only of content criteria to the index as one query.
 *
 * <pre>{@code
 * SearchQuery q = SearchQuery.and(
 *         new SearchQuery.AddressContains(AddressField.FROM, "alice"),
 *         SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN)));
 * }</pre>
 */
public sealed interface SearchQuery {
    /** Criteria answered from the message content (by the search index). */
    sealed interface Content extends SearchQuery {}

    static SearchQuery all() {
        return All.INSTANCE;
    }

    static SearchQuery and(SearchQuery... queries) {
        return new And(List.of(queries));
    }

    static SearchQuery or(SearchQuery... queries) {
        return new Or(List.of(queries));
    }

    static SearchQuery not(SearchQuery query) {
        return new Not(query);
    }

    /**
     * Whether this criterion and all below it are {@link Content} criteria, or {@link All}, or boolean nodes over
     * them: what a {@link dev.mailcore.api.spi.SearchIndex} can answer alone.
     */
    default boolean isContentOnly() {
        return switch (this) {
            case Content c -> true;
            case All all -> true;
            case And and -> and.queries().stream().allMatch(SearchQuery::isContentOnly);
            case Or or -> or.queries().stream().allMatch(SearchQuery::isContentOnly);
            case Not not -> not.query().isContentOnly();
            default -> false;
        };
    }

    /** Every message. */
    enum All implements SearchQuery {
        INSTANCE
    }

    /** Every sub-query matches; an empty list matches everything. */
    record And(List<SearchQuery> queries) implements SearchQuery {
        public And {
            queries = List.copyOf(queries);
        }
    }

    /** At least one sub-query matches; an empty list matches nothing. */
    record Or(List<SearchQuery> queries) implements SearchQuery {
        public Or {
            queries = List.copyOf(queries);
        }
    }

    record Not(SearchQuery query) implements SearchQuery {
        public Not {
            Objects.requireNonNull(query, "query");
        }
    }

    /** A header field's value contains {@code text}; an empty text matches every message that has the field. */
    record HeaderContains(String name, String text) implements Content {
        public HeaderContains {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }

    /** An address field (addresses and display names) contains {@code text}. */
    record AddressContains(AddressField field, String text) implements Content {
        public AddressContains {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The decoded Subject contains {@code text}. */
    record SubjectContains(String text) implements Content {
        public SubjectContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The text of the body (all text parts, HTML reduced to text) contains {@code text}. */
    record BodyContains(String text) implements Content {
        public BodyContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The headers or the body contain {@code text} (IMAP TEXT, JMAP {@code text}). */
    record TextContains(String text) implements Content {
        public TextContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An attachment's file name contains {@code text} (JMAP {@code attachmentName}). */
    record AttachmentNameContains(String text) implements Content {
        public AttachmentNameContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A date compared by calendar day, as IMAP BEFORE/ON/SINCE, SENTBEFORE..., SAVEDBEFORE... do: the instant is
     * turned into a date in the engine's time zone and compared with {@code date}.
     */
    record OnDate(DateField field, DateComparison comparison, LocalDate date) implements SearchQuery {
        public OnDate {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * A date compared to an instant, as JMAP {@code before}/{@code after} and IMAP WITHIN (OLDER/YOUNGER) do:
     * {@code before} true matches strictly earlier instants, false matches the instant and later.
     */
    record AtTime(DateField field, boolean before, Instant instant) implements SearchQuery {
        public AtTime {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(instant, "instant");
        }
    }

    /** The size in octets is larger ({@code larger} true) or smaller than {@code size}. */
    record Size(boolean larger, long size) implements SearchQuery {}

    /** The message has the keyword (normalized on construction). */
    record HasKeyword(String keyword) implements SearchQuery {
        public HasKeyword {
            keyword = Keywords.normalize(keyword);
        }
    }

    /** The message is marked {@code \Deleted} in the searched mailbox. */
    enum Deleted implements SearchQuery {
        INSTANCE
    }

    /** The message's UID in the searched mailbox is in the set. */
    record Uids(UidSet uids) implements SearchQuery {
        public Uids {
            Objects.requireNonNull(uids, "uids");
        }
    }

    /** The message's MODSEQ is at least {@code modSeq} (CONDSTORE {@code MODSEQ} criterion). */
    record ModSeqAtLeast(long modSeq) implements SearchQuery {}

    /** The email is one of these (OBJECTID {@code EMAILID}). */
    record EmailIds(Set<EmailId> ids) implements SearchQuery {
        public EmailIds {
            ids = Set.copyOf(ids);
        }
    }

    /** The email is in one of these threads (OBJECTID {@code THREADID}). */
    record ThreadIds(Set<ThreadId> ids) implements SearchQuery {
        public ThreadIds {
            ids = Set.copyOf(ids);
        }
    }

    /** The email is in the mailbox (JMAP {@code inMailbox}). */
    record InMailbox(MailboxId mailbox) implements SearchQuery {
        public InMailbox {
            Objects.requireNonNull(mailbox, "mailbox");
        }
    }

    /** The email has at least one attachment (JMAP {@code hasAttachment}). */
    enum HasAttachment implements SearchQuery {
        INSTANCE
    }
}
