/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.imap.internal.FetchItem.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the data items of FETCH, with the macros ALL, FAST and FULL. */
final class FetchParser {
    private FetchParser() {}

    static List<FetchItem> items(CommandReader reader) {
        List<FetchItem> items = new ArrayList<>();
        if (reader.tryConsume('(')) {
            while (!reader.tryConsume(')')) {
                if (!items.isEmpty()) {
                    reader.space();
                }
                items.add(item(reader, reader.atom().toUpperCase(Locale.ROOT)));
            }
            if (items.isEmpty()) {
                throw new ParseException("empty fetch item list");
            }
            return items;
        }
        String word = reader.atom().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "ALL" -> macro(false, false);
            case "FAST" -> macro(true, false);
            case "FULL" -> macro(false, true);
            default -> List.of(item(reader, word));
        };
    }

    private static List<FetchItem> macro(boolean fast, boolean full) {
        List<FetchItem> items = new ArrayList<>(
                List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE, FetchItem.Simple.RFC822_SIZE));
        if (!fast) {
            items.add(FetchItem.Simple.ENVELOPE);
        }
        if (full) {
            items.add(FetchItem.Simple.BODY);
        }
        return items;
    }

    private static FetchItem item(CommandReader reader, String word) {
        int bracket = word.indexOf('[');
        if (bracket >= 0) {
            return body(reader, word.substring(0, bracket), word.substring(bracket + 1));
        }
        return switch (word) {
            case "FLAGS" -> FetchItem.Simple.FLAGS;
            case "UID" -> FetchItem.Simple.UID;
            case "INTERNALDATE" -> FetchItem.Simple.INTERNALDATE;
            case "RFC822.SIZE" -> FetchItem.Simple.RFC822_SIZE;
            case "ENVELOPE" -> FetchItem.Simple.ENVELOPE;
            case "BODYSTRUCTURE" -> FetchItem.Simple.BODYSTRUCTURE;
            case "BODY" -> FetchItem.Simple.BODY;
            case "MODSEQ" -> FetchItem.Simple.MODSEQ;
            case "EMAILID" -> FetchItem.Simple.EMAILID;
            case "THREADID" -> FetchItem.Simple.THREADID;
            case "PREVIEW" -> FetchItem.Simple.PREVIEW;
            case "SAVEDATE" -> FetchItem.Simple.SAVEDATE;
            case "RFC822" -> new FetchItem.Body(new Section("", Section.Kind.ALL, List.of()), false, -1, 0, "RFC822");
            case "RFC822.HEADER" ->
                new FetchItem.Body(new Section("", Section.Kind.HEADER, List.of()), true, -1, 0, "RFC822.HEADER");
            case "RFC822.TEXT" ->
                new FetchItem.Body(new Section("", Section.Kind.TEXT, List.of()), false, -1, 0, "RFC822.TEXT");
            default -> throw new ParseException("unknown fetch item " + word);
        };
    }

    private static FetchItem body(CommandReader reader, String name, String spec) {
        if (name.startsWith("BINARY")) {
            return binary(reader, name, spec);
        }
        boolean peek = switch (name) {
            case "BODY" -> false;
            case "BODY.PEEK" -> true;
            default -> throw new ParseException("unknown fetch item " + name);
        };
        Section section = section(reader, spec);
        reader.expect(']');
        long[] partial = partial(reader);
        return new FetchItem.Body(section, peek, partial[0], partial[1], "BODY[" + label(section) + "]");
    }

    private static FetchItem binary(CommandReader reader, String name, String part) {
        if (!part.isEmpty() && !part.matches("[1-9][0-9]*(\\.[1-9][0-9]*)*")) {
            throw new ParseException("invalid binary section " + part);
        }
        reader.expect(']');
        return switch (name) {
            case "BINARY", "BINARY.PEEK" -> {
                long[] partial = partial(reader);
                yield new FetchItem.Binary(part, name.equals("BINARY.PEEK"), false, partial[0], partial[1]);
            }
            case "BINARY.SIZE" -> new FetchItem.Binary(part, true, true, -1, 0);
            default -> throw new ParseException("unknown fetch item " + name);
        };
    }

    /** An optional {@code <offset.length>}: {-1, 0} when absent. */
    private static long[] partial(CommandReader reader) {
        long offset = -1;
        long length = 0;
        if (!reader.atEnd() && reader.peek() == '<') {
            String partial = reader.atom();
            int dot = partial.indexOf('.');
            if (!partial.endsWith(">") || dot < 0) {
                throw new ParseException("invalid partial");
            }
            try {
                offset = Long.parseLong(partial.substring(1, dot));
                length = Long.parseLong(partial.substring(dot + 1, partial.length() - 1));
            } catch (NumberFormatException e) {
                throw new ParseException("invalid partial");
            }
            if (offset < 0 || length <= 0) {
                throw new ParseException("invalid partial");
            }
        }
        return new long[] {offset, length};
    }

    private static Section section(CommandReader reader, String spec) {
        int i = 0;
        while (i < spec.length() && (Character.isDigit(spec.charAt(i)) || spec.charAt(i) == '.')) {
            i++;
        }
        String part = spec.substring(0, i);
        String rest = spec.substring(i);
        if (part.endsWith(".")) {
            part = part.substring(0, part.length() - 1);
        } else if (!rest.isEmpty() && !part.isEmpty()) {
            throw new ParseException("invalid section " + spec);
        }
        if (!part.isEmpty() && (part.startsWith(".") || part.contains("..") || part.matches(".*(^|\\.)0.*"))) {
            throw new ParseException("invalid section " + spec);
        }
        Section.Kind kind = switch (rest) {
            case "" -> Section.Kind.ALL;
            case "HEADER" -> Section.Kind.HEADER;
            case "HEADER.FIELDS" -> Section.Kind.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> Section.Kind.HEADER_FIELDS_NOT;
            case "TEXT" -> Section.Kind.TEXT;
            case "MIME" -> Section.Kind.MIME;
            default -> throw new ParseException("invalid section " + spec);
        };
        if (kind == Section.Kind.MIME && part.isEmpty()) {
            throw new ParseException("MIME needs a part number");
        }
        List<String> fields = List.of();
        if (kind == Section.Kind.HEADER_FIELDS || kind == Section.Kind.HEADER_FIELDS_NOT) {
            reader.space();
            fields = reader.astringList().stream()
                    .map(f -> f.toUpperCase(Locale.ROOT))
                    .toList();
            if (fields.isEmpty()) {
                throw new ParseException("empty header field list");
            }
        }
        return new Section(part, kind, fields);
    }

    static String label(Section section) {
        String kind = switch (section.kind()) {
            case ALL -> "";
            case HEADER -> "HEADER";
            case HEADER_FIELDS -> "HEADER.FIELDS";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
        };
        String text = section.part().isEmpty() || kind.isEmpty() ? section.part() + kind : section.part() + "." + kind;
        if (!section.fields().isEmpty()) {
            text += " (" + String.join(" ", section.fields()) + ")";
        }
        return text;
    }
}
