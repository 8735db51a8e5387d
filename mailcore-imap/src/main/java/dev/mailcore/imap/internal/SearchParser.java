/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.Keywords;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.DateComparison;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.imap.internal.Command.SearchKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses SEARCH keys (RFC 9051 §6.4.4) into the API's query model. */
final class SearchParser {
    private SearchParser() {}

    static SearchKey keys(CommandReader reader) {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(key(reader));
        while (!reader.atEnd() && reader.peek() == ' ') {
            reader.space();
            keys.add(key(reader));
        }
        return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
    }

    private static SearchKey key(CommandReader reader) {
        if (reader.tryConsume('(')) {
            List<SearchKey> keys = new ArrayList<>();
            keys.add(key(reader));
            while (!reader.tryConsume(')')) {
                reader.space();
                keys.add(key(reader));
            }
            return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
        }
        int c = reader.peek();
        if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
            return new SearchKey.Sequence(SequenceSet.parse(reader.sequenceSet()), false);
        }
        return keyFor(reader.atom(), reader);
    }

    /** The keys of a search whose first word the caller already read. */
    static SearchKey keysAfter(String firstWord, CommandReader reader) {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(keyFor(firstWord, reader));
        while (!reader.atEnd() && reader.peek() == ' ') {
            reader.space();
            keys.add(key(reader));
        }
        return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
    }

    private static SearchKey keyFor(String atom, CommandReader reader) {
        String word = atom.toUpperCase(Locale.ROOT);
        return switch (word) {
            case "ALL", "OLD" -> query(SearchQuery.all());
            case "NEW", "RECENT" -> query(SearchQuery.not(SearchQuery.all()));
            case "ANSWERED" -> keyword(Keywords.ANSWERED);
            case "FLAGGED" -> keyword(Keywords.FLAGGED);
            case "SEEN" -> keyword(Keywords.SEEN);
            case "DRAFT" -> keyword(Keywords.DRAFT);
            case "DELETED" -> query(SearchQuery.Deleted.INSTANCE);
            case "UNANSWERED" -> not(keyword(Keywords.ANSWERED));
            case "UNFLAGGED" -> not(keyword(Keywords.FLAGGED));
            case "UNSEEN" -> not(keyword(Keywords.SEEN));
            case "UNDRAFT" -> not(keyword(Keywords.DRAFT));
            case "UNDELETED" -> not(query(SearchQuery.Deleted.INSTANCE));
            case "KEYWORD" -> keyword(Keywords.fromImapFlag(argument(reader)));
            case "UNKEYWORD" -> not(keyword(Keywords.fromImapFlag(argument(reader))));
            case "FROM" -> query(new SearchQuery.AddressContains(AddressField.FROM, argument(reader)));
            case "TO" -> query(new SearchQuery.AddressContains(AddressField.TO, argument(reader)));
            case "CC" -> query(new SearchQuery.AddressContains(AddressField.CC, argument(reader)));
            case "BCC" -> query(new SearchQuery.AddressContains(AddressField.BCC, argument(reader)));
            case "SUBJECT" -> query(new SearchQuery.SubjectContains(argument(reader)));
            case "BODY" -> query(new SearchQuery.BodyContains(argument(reader)));
            case "TEXT" -> query(new SearchQuery.TextContains(argument(reader)));
            case "HEADER" -> {
                String name = argument(reader);
                yield query(new SearchQuery.HeaderContains(name, argument(reader)));
            }
            case "BEFORE" -> date(reader, DateField.RECEIVED, DateComparison.BEFORE);
            case "ON" -> date(reader, DateField.RECEIVED, DateComparison.ON);
            case "SINCE" -> date(reader, DateField.RECEIVED, DateComparison.SINCE);
            case "SENTBEFORE" -> date(reader, DateField.SENT, DateComparison.BEFORE);
            case "SENTON" -> date(reader, DateField.SENT, DateComparison.ON);
            case "SENTSINCE" -> date(reader, DateField.SENT, DateComparison.SINCE);
            case "LARGER" -> query(new SearchQuery.Size(true, numberArgument(reader)));
            case "SMALLER" -> query(new SearchQuery.Size(false, numberArgument(reader)));
            case "UID" -> {
                reader.space();
                yield new SearchKey.Sequence(SequenceSet.parse(reader.sequenceSet()), true);
            }
            case "NOT" -> {
                reader.space();
                yield new SearchKey.Not(key(reader));
            }
            case "OR" -> {
                reader.space();
                SearchKey left = key(reader);
                reader.space();
                yield new SearchKey.Or(left, key(reader));
            }
            case "MODSEQ" -> modSeq(reader);
            case "OLDER" -> new SearchKey.Within(true, positive(reader));
            case "YOUNGER" -> new SearchKey.Within(false, positive(reader));
            case "SAVEDBEFORE" -> date(reader, DateField.SAVED, DateComparison.BEFORE);
            case "SAVEDON" -> date(reader, DateField.SAVED, DateComparison.ON);
            case "SAVEDSINCE" -> date(reader, DateField.SAVED, DateComparison.SINCE);
            case "SAVEDATESUPPORTED" -> query(SearchQuery.all());
            default -> throw new ParseException("unknown search key " + word);
        };
    }

    private static SearchKey modSeq(CommandReader reader) {
        reader.space();
        if (reader.peek() == '"') {
            // An entry name and type (RFC 7162): flags are not tracked separately, so they do not narrow the search.
            reader.astring();
            reader.space();
            reader.atom();
            reader.space();
        }
        return query(new SearchQuery.ModSeqAtLeast(reader.number()));
    }

    private static SearchKey date(CommandReader reader, DateField field, DateComparison comparison) {
        return query(new SearchQuery.OnDate(field, comparison, ImapDates.parseDate(argument(reader))));
    }

    private static SearchKey query(SearchQuery query) {
        return new SearchKey.Query(query);
    }

    private static SearchKey keyword(String keyword) {
        return query(new SearchQuery.HasKeyword(keyword));
    }

    private static SearchKey not(SearchKey key) {
        return new SearchKey.Not(key);
    }

    private static String argument(CommandReader reader) {
        reader.space();
        int c = reader.peek();
        if (c == '"' || c == '{') {
            return new String(reader.stringBytes(), StandardCharsets.UTF_8);
        }
        return reader.astring();
    }

    private static long positive(CommandReader reader) {
        long seconds = numberArgument(reader);
        if (seconds < 1) {
            throw new ParseException("interval must be at least 1 second");
        }
        return seconds;
    }

    private static long numberArgument(CommandReader reader) {
        reader.space();
        return reader.number();
    }
}
