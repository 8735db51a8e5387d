/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of one IMAP command across its lines and literals (RFC 9051 §9): atoms, quoted strings, literals,
 * numbers and parenthesized lists.
 */
public final class CommandReader {
    private final List<Frame.Part> parts;
    private int part;
    private byte[] line;
    private int pos;

    public CommandReader(Frame.Request request) {
        this.parts = request.parts();
        this.line = ((Frame.Line) parts.getFirst()).bytes();
    }

    /** Whether the current line is used up and no literal follows. */
    public boolean atEnd() {
        return pos >= line.length && part == parts.size() - 1;
    }

    public int peek() {
        return pos < line.length ? line[pos] & 0xff : -1;
    }

    public boolean tryConsume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void expect(char c) {
        if (!tryConsume(c)) {
            throw new ParseException("expected '" + c + "'");
        }
    }

    public void space() {
        expect(' ');
    }

    public void end() {
        if (!atEnd()) {
            throw new ParseException("unexpected characters at the end of the command");
        }
    }

    /** An atom: the tag, command names, flags, fetch items (stops at specials, but not at '\' or '.'). */
    public String atom() {
        int start = pos;
        while (pos < line.length && isAtomChar(line[pos] & 0xff, false)) {
            pos++;
        }
        if (start == pos) {
            throw new ParseException("expected an atom");
        }
        return new String(line, start, pos - start, StandardCharsets.UTF_8);
    }

    /** An atom that may contain ']' (astring-char), for mailbox names and passwords. */
    private String astringAtom() {
        int start = pos;
        while (pos < line.length && isAtomChar(line[pos] & 0xff, true)) {
            pos++;
        }
        if (start == pos) {
            throw new ParseException("expected a string");
        }
        return new String(line, start, pos - start, StandardCharsets.UTF_8);
    }

    /** A list-mailbox: an astring that may hold the wildcards % and *. */
    public String listMailbox() {
        int c = peek();
        if (c == '"' || c == '{') {
            return astring();
        }
        int start = pos;
        while (pos < line.length && (isAtomChar(line[pos] & 0xff, true) || line[pos] == '%' || line[pos] == '*')) {
            pos++;
        }
        if (start == pos) {
            throw new ParseException("expected a mailbox pattern");
        }
        return new String(line, start, pos - start, StandardCharsets.UTF_8);
    }

    public String astring() {
        int c = peek();
        if (c == '"' || c == '{') {
            return new String(stringBytes(), StandardCharsets.UTF_8);
        }
        return astringAtom();
    }

    /** A quoted string or a literal, as bytes. */
    public byte[] stringBytes() {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal().readAll();
        }
        throw new ParseException("expected a string");
    }

    /** A literal (for APPEND's message); the reader moves to the line after it. */
    public Literal literal() {
        if (peek() != '{') {
            throw new ParseException("expected a literal");
        }
        int close = line.length - 1;
        if (close <= pos || line[close] != '}' || part + 1 >= parts.size()) {
            throw new ParseException("a literal must end the line");
        }
        pos = line.length;
        Literal literal = (Literal) parts.get(part + 1);
        part += 2;
        line = ((Frame.Line) parts.get(part)).bytes();
        pos = 0;
        return literal;
    }

    public long number() {
        int start = pos;
        long value = 0;
        while (pos < line.length && line[pos] >= '0' && line[pos] <= '9') {
            value = value * 10 + (line[pos] - '0');
            if (value > 0xFFFF_FFFF_FFFFL) {
                throw new ParseException("number too large");
            }
            pos++;
        }
        if (start == pos) {
            throw new ParseException("expected a number");
        }
        return value;
    }

    /** The characters of a sequence set ({@code 1:4,7,*}). */
    public String sequenceSet() {
        int start = pos;
        while (pos < line.length) {
            int c = line[pos];
            if ((c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*' || c == '$') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw new ParseException("expected a sequence set");
        }
        return new String(line, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** A parenthesized list of atoms or strings: {@code (a b "c")}. */
    public List<String> astringList() {
        expect('(');
        List<String> items = new ArrayList<>();
        while (!tryConsume(')')) {
            if (!items.isEmpty()) {
                space();
            }
            items.add(astring());
        }
        return items;
    }

    private byte[] quoted() {
        expect('"');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (pos < line.length) {
            int c = line[pos++];
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                if (pos >= line.length) {
                    break;
                }
                c = line[pos++];
                if (c != '"' && c != '\\') {
                    throw new ParseException("only \\ and \" may be escaped in a quoted string");
                }
            }
            out.write(c);
        }
        throw new ParseException("unterminated quoted string");
    }

    private static boolean isAtomChar(int c, boolean allowBracket) {
        if (c <= 0x20 || c == 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '{', '%', '*', '"' -> false;
            case ']' -> allowBracket;
            default -> true;
        };
    }
}
