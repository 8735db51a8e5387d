/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.search.SortField;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.imap.internal.Command.StoreMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/** Turns the tokens of one request into a {@link Command}. Stateless. */
public final class CommandParser {
    /** An unknown command name; answered with BAD. */
    public static final class UnknownCommand extends RuntimeException {
        public UnknownCommand(String name) {
            super("unknown command " + name);
        }
    }

    /** Reads the tag, or returns "*" when there is none. */
    public static String tag(CommandReader reader) {
        try {
            String tag = reader.atom();
            return tag.contains("+") ? "*" : tag;
        } catch (ParseException e) {
            return "*";
        }
    }

    /** Parses what follows the tag; the reader is positioned after it. */
    public Command parse(String tag, CommandReader reader) {
        reader.space();
        String name = reader.atom().toUpperCase(Locale.ROOT);
        Command command = command(tag, name, reader);
        reader.end();
        return command;
    }

    private Command command(String tag, String name, CommandReader r) {
        return switch (name) {
            case "CAPABILITY" -> new Command.Capability(tag);
            case "NOOP" -> new Command.Noop(tag);
            case "LOGOUT" -> new Command.Logout(tag);
            case "STARTTLS" -> new Command.StartTls(tag);
            case "LOGIN" -> {
                String user = arg(r);
                yield new Command.Login(tag, user, arg(r));
            }
            case "AUTHENTICATE" -> authenticate(tag, r);
            case "ENABLE" -> {
                List<String> caps = new ArrayList<>();
                while (!r.atEnd()) {
                    r.space();
                    caps.add(r.atom().toUpperCase(Locale.ROOT));
                }
                yield new Command.Enable(tag, caps);
            }
            case "ID" -> {
                r.space();
                skipIdParameters(r);
                yield new Command.Id(tag);
            }
            case "NAMESPACE" -> new Command.Namespace(tag);
            case "SELECT", "EXAMINE" -> select(tag, name.equals("EXAMINE"), r);
            case "CREATE" -> {
                String mailbox = arg(r);
                List<String> use = List.of();
                if (!r.atEnd()) {
                    // CREATE-SPECIAL-USE (RFC 6154): CREATE name (USE (\\Drafts))
                    r.space();
                    r.expect('(');
                    if (!r.atom().equalsIgnoreCase("USE")) {
                        throw new ParseException("unsupported CREATE parameter");
                    }
                    r.space();
                    use = r.astringList();
                    r.expect(')');
                }
                yield new Command.Create(tag, mailbox, use);
            }
            case "DELETE" -> new Command.Delete(tag, arg(r));
            case "RENAME" -> {
                String from = arg(r);
                yield new Command.Rename(tag, from, arg(r));
            }
            case "SUBSCRIBE" -> new Command.Subscribe(tag, arg(r), true);
            case "UNSUBSCRIBE" -> new Command.Subscribe(tag, arg(r), false);
            case "LIST", "LSUB" -> list(tag, name.equals("LSUB"), r);
            case "STATUS" -> {
                String mailbox = arg(r);
                r.space();
                yield new Command.Status(
                        tag,
                        mailbox,
                        r.astringList().stream()
                                .map(s -> s.toUpperCase(Locale.ROOT))
                                .toList());
            }
            case "APPEND" -> append(tag, r);
            case "CHECK" -> new Command.Check(tag);
            case "CLOSE" -> new Command.Close(tag);
            case "UNSELECT" -> new Command.Unselect(tag);
            case "EXPUNGE" -> new Command.Expunge(tag, null);
            case "IDLE" -> new Command.Idle(tag);
            case "GETQUOTA" -> new Command.GetQuota(tag, arg(r), false);
            case "GETQUOTAROOT" -> new Command.GetQuota(tag, arg(r), true);
            case "UNAUTHENTICATE" -> new Command.Unauthenticate(tag);
            case "COMPRESS" -> {
                r.space();
                yield new Command.Compress(tag, r.atom().toUpperCase(Locale.ROOT));
            }
            case "FETCH" -> fetch(tag, false, r);
            case "STORE" -> store(tag, false, r);
            case "COPY" -> copy(tag, false, false, r);
            case "MOVE" -> copy(tag, false, true, r);
            case "SEARCH" -> search(tag, false, r);
            case "SORT" -> sort(tag, false, r);
            case "THREAD" -> thread(tag, false, r);
            case "UID" -> uid(tag, r);
            default -> throw new UnknownCommand(name);
        };
    }

    private Command uid(String tag, CommandReader r) {
        r.space();
        String name = r.atom().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "FETCH" -> fetch(tag, true, r);
            case "STORE" -> store(tag, true, r);
            case "COPY" -> copy(tag, true, false, r);
            case "MOVE" -> copy(tag, true, true, r);
            case "SEARCH" -> search(tag, true, r);
            case "SORT" -> sort(tag, true, r);
            case "THREAD" -> thread(tag, true, r);
            case "EXPUNGE" -> {
                r.space();
                yield new Command.Expunge(tag, SequenceSet.parse(r.sequenceSet()));
            }
            default -> throw new UnknownCommand("UID " + name);
        };
    }

    private static String arg(CommandReader r) {
        r.space();
        return r.astring();
    }

    private static Command authenticate(String tag, CommandReader r) {
        r.space();
        String mechanism = r.atom().toUpperCase(Locale.ROOT);
        String initial = null;
        if (!r.atEnd()) {
            r.space();
            initial = r.atom();
        }
        return new Command.Authenticate(tag, mechanism, initial);
    }

    private static void skipIdParameters(CommandReader r) {
        if (r.tryConsume('(')) {
            while (!r.tryConsume(')')) {
                r.tryConsume(' ');
                nstring(r);
            }
        } else {
            String nil = r.atom();
            if (!nil.equalsIgnoreCase("NIL")) {
                throw new ParseException("ID expects a list or NIL");
            }
        }
    }

    private static String nstring(CommandReader r) {
        int c = r.peek();
        if (c == '"' || c == '{') {
            return r.astring();
        }
        String atom = r.atom();
        if (!atom.equalsIgnoreCase("NIL")) {
            throw new ParseException("expected a string or NIL");
        }
        return null;
    }

    private static Command select(String tag, boolean readOnly, CommandReader r) {
        String mailbox = arg(r);
        boolean condstore = false;
        Command.Qresync qresync = null;
        if (!r.atEnd()) {
            r.space();
            r.expect('(');
            while (!r.tryConsume(')')) {
                if (condstore || qresync != null) {
                    r.space();
                }
                String parameter = r.atom().toUpperCase(Locale.ROOT);
                switch (parameter) {
                    case "CONDSTORE" -> condstore = true;
                    case "QRESYNC" -> {
                        r.space();
                        qresync = qresync(r);
                    }
                    default -> throw new ParseException("unsupported SELECT parameter " + parameter);
                }
            }
        }
        return new Command.Select(tag, mailbox, readOnly, condstore, qresync);
    }

    /** {@code (uidvalidity modseq [known-uids [(seq-set uid-set)]])}; the sequence match data is not needed. */
    private static Command.Qresync qresync(CommandReader r) {
        r.expect('(');
        long uidValidity = r.number();
        r.space();
        long modSeq = r.number();
        SequenceSet known = null;
        if (r.tryConsume(' ')) {
            if (r.peek() != '(') {
                known = SequenceSet.parse(r.sequenceSet());
                r.tryConsume(' ');
            }
            if (r.tryConsume('(')) {
                r.sequenceSet();
                r.space();
                r.sequenceSet();
                r.expect(')');
            }
        }
        r.expect(')');
        if (uidValidity < 1 || modSeq < 1) {
            throw new ParseException("invalid QRESYNC parameter");
        }
        return new Command.Qresync(uidValidity, modSeq, known);
    }

    private static Command list(String tag, boolean lsub, CommandReader r) {
        r.space();
        Set<Command.ListOption> selection = EnumSet.noneOf(Command.ListOption.class);
        if (!lsub && r.peek() == '(') {
            for (String option : r.astringList()) {
                Command.ListOption parsed = listOption(option);
                if (parsed == Command.ListOption.CHILDREN) {
                    throw new ParseException("CHILDREN is not a LIST selection option");
                }
                selection.add(parsed);
            }
            // RFC 5258 §3: RECURSIVEMATCH needs an option it can refine (REMOTE alone is not one).
            if (selection.contains(Command.ListOption.RECURSIVEMATCH)
                    && !selection.contains(Command.ListOption.SUBSCRIBED)
                    && !selection.contains(Command.ListOption.SPECIAL_USE)) {
                throw new ParseException("RECURSIVEMATCH needs another selection option");
            }
            r.space();
        }
        String reference = r.astring();
        r.space();
        List<String> patterns = new ArrayList<>();
        if (!lsub && r.tryConsume('(')) {
            while (!r.tryConsume(')')) {
                if (!patterns.isEmpty()) {
                    r.space();
                }
                patterns.add(r.listMailbox());
            }
            if (patterns.isEmpty()) {
                throw new ParseException("empty pattern list");
            }
        } else {
            patterns.add(r.listMailbox());
        }
        Set<Command.ListOption> returns = EnumSet.noneOf(Command.ListOption.class);
        List<String> statusItems = List.of();
        if (!lsub && !r.atEnd()) {
            r.space();
            if (!r.atom().equalsIgnoreCase("RETURN")) {
                throw new ParseException("expected RETURN");
            }
            r.space();
            r.expect('(');
            while (!r.tryConsume(')')) {
                if (!returns.isEmpty() || !statusItems.isEmpty()) {
                    r.space();
                }
                String option = r.atom();
                if (option.equalsIgnoreCase("STATUS")) {
                    r.space();
                    statusItems = upper(r.astringList());
                } else {
                    returns.add(listOption(option));
                }
            }
        }
        return new Command.ListMailboxes(tag, reference, patterns, lsub, selection, returns, statusItems);
    }

    private static Command.ListOption listOption(String option) {
        return switch (option.toUpperCase(Locale.ROOT)) {
            case "SUBSCRIBED" -> Command.ListOption.SUBSCRIBED;
            case "REMOTE" -> Command.ListOption.REMOTE;
            case "RECURSIVEMATCH" -> Command.ListOption.RECURSIVEMATCH;
            case "SPECIAL-USE" -> Command.ListOption.SPECIAL_USE;
            case "CHILDREN" -> Command.ListOption.CHILDREN;
            default -> throw new ParseException("unknown LIST option " + option);
        };
    }

    private static List<String> upper(List<String> words) {
        return words.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList();
    }

    private static Command append(String tag, CommandReader r) {
        String mailbox = arg(r);
        List<Command.AppendMessage> messages = new ArrayList<>();
        do {
            r.space();
            messages.add(appendMessage(r));
        } while (!r.atEnd());
        return new Command.Append(tag, mailbox, messages);
    }

    private static Command.AppendMessage appendMessage(CommandReader r) {
        List<String> flags = List.of();
        if (r.peek() == '(') {
            flags = r.astringList();
            r.space();
        }
        Instant date = null;
        if (r.peek() == '"') {
            date = ImapDates.parseDateTime(new String(r.stringBytes(), java.nio.charset.StandardCharsets.US_ASCII));
            r.space();
        }
        return new Command.AppendMessage(flags, date, r.literal());
    }

    private static Command fetch(String tag, boolean uid, CommandReader r) {
        r.space();
        SequenceSet set = SequenceSet.parse(r.sequenceSet());
        r.space();
        List<FetchItem> items = FetchParser.items(r);
        OptionalLong changedSince = OptionalLong.empty();
        boolean vanished = false;
        if (!r.atEnd()) {
            r.space();
            r.expect('(');
            while (!r.tryConsume(')')) {
                if (changedSince.isPresent() || vanished) {
                    r.space();
                }
                String modifier = r.atom().toUpperCase(Locale.ROOT);
                switch (modifier) {
                    case "CHANGEDSINCE" -> {
                        r.space();
                        changedSince = OptionalLong.of(r.number());
                    }
                    case "VANISHED" -> vanished = true;
                    default -> throw new ParseException("unsupported FETCH modifier " + modifier);
                }
            }
        }
        // RFC 7162 §3.2.6: VANISHED only in UID FETCH, and only with CHANGEDSINCE.
        if (vanished && (!uid || changedSince.isEmpty())) {
            throw new ParseException("VANISHED needs UID FETCH with CHANGEDSINCE");
        }
        return new Command.Fetch(tag, uid, set, items, changedSince, vanished);
    }

    private static Command store(String tag, boolean uid, CommandReader r) {
        r.space();
        SequenceSet set = SequenceSet.parse(r.sequenceSet());
        r.space();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (r.tryConsume('(')) {
            String modifier = r.atom().toUpperCase(Locale.ROOT);
            if (!modifier.equals("UNCHANGEDSINCE")) {
                throw new ParseException("unsupported STORE modifier " + modifier);
            }
            r.space();
            unchangedSince = OptionalLong.of(r.number());
            r.expect(')');
            r.space();
        }
        String item = r.atom().toUpperCase(Locale.ROOT);
        boolean silent = item.endsWith(".SILENT");
        String base = silent ? item.substring(0, item.length() - 7) : item;
        StoreMode mode = switch (base) {
            case "+FLAGS" -> StoreMode.ADD;
            case "-FLAGS" -> StoreMode.REMOVE;
            case "FLAGS" -> StoreMode.REPLACE;
            default -> throw new ParseException("invalid STORE item " + item);
        };
        r.space();
        List<String> flags = new ArrayList<>();
        if (r.peek() == '(') {
            flags.addAll(r.astringList());
        } else {
            flags.add(r.atom());
            while (!r.atEnd()) {
                r.space();
                flags.add(r.atom());
            }
        }
        return new Command.Store(tag, uid, set, mode, silent, flags, unchangedSince);
    }

    private static Command copy(String tag, boolean uid, boolean move, CommandReader r) {
        r.space();
        SequenceSet set = SequenceSet.parse(r.sequenceSet());
        return new Command.Copy(tag, uid, set, arg(r), move);
    }

    private static Command search(String tag, boolean uid, CommandReader r) {
        r.space();
        Set<Command.SearchReturn> returns = null;
        if (Character.isLetter(r.peek())) {
            // The first word may be RETURN, CHARSET, or already the first key.
            String word = r.atom();
            if (word.equalsIgnoreCase("RETURN")) {
                r.space();
                returns = searchReturns(r.astringList());
                r.space();
            } else if (!word.equalsIgnoreCase("CHARSET")) {
                return new Command.Search(tag, uid, SearchParser.keysAfter(word, r), null);
            } else {
                return charsetAndKeys(tag, uid, null, r);
            }
        }
        if (Character.isLetter(r.peek())) {
            String word = r.atom();
            if (word.equalsIgnoreCase("CHARSET")) {
                return charsetAndKeys(tag, uid, returns, r);
            }
            return new Command.Search(tag, uid, SearchParser.keysAfter(word, r), returns);
        }
        return new Command.Search(tag, uid, SearchParser.keys(r), returns);
    }

    private static Command charsetAndKeys(String tag, boolean uid, Set<Command.SearchReturn> returns, CommandReader r) {
        r.space();
        String charset = r.astring();
        // UTF-8 and US-ASCII are what the parser reads anyway.
        if (!charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("US-ASCII")) {
            throw new BadCharset();
        }
        r.space();
        return new Command.Search(tag, uid, SearchParser.keys(r), returns);
    }

    private static Command sort(String tag, boolean uid, CommandReader r) {
        r.space();
        List<SortKey> keys = new ArrayList<>();
        boolean reverse = false;
        for (String word : upper(r.astringList())) {
            if (word.equals("REVERSE")) {
                reverse = true;
                continue;
            }
            SortField field = switch (word) {
                case "ARRIVAL" -> SortField.ARRIVAL;
                case "CC" -> SortField.CC;
                case "DATE" -> SortField.DATE;
                case "FROM" -> SortField.FROM;
                case "SIZE" -> SortField.SIZE;
                case "SUBJECT" -> SortField.SUBJECT;
                case "TO" -> SortField.TO;
                case "DISPLAYFROM" -> SortField.DISPLAY_FROM;
                case "DISPLAYTO" -> SortField.DISPLAY_TO;
                default -> throw new ParseException("unknown sort criterion " + word);
            };
            keys.add(new SortKey(field, reverse));
            reverse = false;
        }
        if (keys.isEmpty() || reverse) {
            throw new ParseException("invalid sort criteria");
        }
        r.space();
        charset(r);
        r.space();
        return new Command.Sort(tag, uid, keys, SearchParser.keys(r));
    }

    private static Command thread(String tag, boolean uid, CommandReader r) {
        r.space();
        String name = r.atom().toUpperCase(Locale.ROOT);
        ThreadAlgorithm algorithm = switch (name) {
            case "ORDEREDSUBJECT" -> ThreadAlgorithm.ORDERED_SUBJECT;
            case "REFERENCES" -> ThreadAlgorithm.REFERENCES;
            default -> throw new ParseException("unknown thread algorithm " + name);
        };
        r.space();
        charset(r);
        r.space();
        return new Command.Thread(tag, uid, algorithm, SearchParser.keys(r));
    }

    /** SORT and THREAD name a charset that must be one the server supports (RFC 5256). */
    private static void charset(CommandReader r) {
        String charset = r.astring();
        if (!charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("US-ASCII")) {
            throw new BadCharset();
        }
    }

    private static Set<Command.SearchReturn> searchReturns(List<String> words) {
        Set<Command.SearchReturn> returns = java.util.EnumSet.noneOf(Command.SearchReturn.class);
        for (String word : words) {
            try {
                returns.add(Command.SearchReturn.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParseException("unknown SEARCH RETURN option " + word);
            }
        }
        return returns;
    }

    /** A SEARCH charset we cannot read: NO [BADCHARSET]. */
    public static final class BadCharset extends RuntimeException {
        public BadCharset() {
            super("unsupported charset");
        }
    }
}
