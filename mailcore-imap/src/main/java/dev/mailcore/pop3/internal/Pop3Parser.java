/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import java.util.Locale;

/** Turns one command line into a {@link Pop3Command}; a line it cannot read throws {@link CommandRefused}. */
final class Pop3Parser {
    private Pop3Parser() {}

    static Pop3Command parse(String line) {
        int space = line.indexOf(' ');
        String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1);
        String[] args = rest.isEmpty() ? new String[0] : rest.split(" ", -1);
        return switch (keyword) {
            // The password may hold spaces (RFC 1939 section 7 lets a server take the rest of the line).
            case "PASS" -> new Pop3Command.Pass(require(rest, "PASS needs a password"));
            case "USER" -> new Pop3Command.User(one(args, "USER needs a name"));
            case "AUTH" -> auth(args);
            case "CAPA" -> none(args, new Pop3Command.Capa());
            case "STLS" -> none(args, new Pop3Command.Stls());
            case "STAT" -> none(args, new Pop3Command.Stat());
            case "LIST" -> new Pop3Command.List(optionalNumber(args));
            case "UIDL" -> new Pop3Command.Uidl(optionalNumber(args));
            case "RETR" -> new Pop3Command.Retr(number(one(args, "RETR needs a message number")));
            case "DELE" -> new Pop3Command.Dele(number(one(args, "DELE needs a message number")));
            case "TOP" -> top(args);
            case "RSET" -> none(args, new Pop3Command.Rset());
            case "NOOP" -> none(args, new Pop3Command.Noop());
            case "QUIT" -> none(args, new Pop3Command.Quit());
            default -> throw new CommandRefused("unknown command");
        };
    }

    private static Pop3Command auth(String[] args) {
        return switch (args.length) {
            case 0 -> new Pop3Command.AuthList();
            case 1 -> new Pop3Command.Auth(args[0], null);
            case 2 -> new Pop3Command.Auth(args[0], args[1]);
            default -> throw new CommandRefused("AUTH takes a mechanism and an optional initial response");
        };
    }

    private static Pop3Command top(String[] args) {
        if (args.length != 2) {
            throw new CommandRefused("TOP needs a message number and a line count");
        }
        return new Pop3Command.Top(number(args[0]), digits(args[1], Long.MAX_VALUE, "invalid line count"));
    }

    private static Pop3Command none(String[] args, Pop3Command command) {
        if (args.length != 0) {
            throw new CommandRefused("no arguments expected");
        }
        return command;
    }

    private static String one(String[] args, String missing) {
        if (args.length != 1 || args[0].isEmpty()) {
            throw new CommandRefused(missing);
        }
        return args[0];
    }

    private static String require(String value, String missing) {
        if (value.isEmpty()) {
            throw new CommandRefused(missing);
        }
        return value;
    }

    private static int optionalNumber(String[] args) {
        if (args.length == 0) {
            return 0;
        }
        if (args.length > 1) {
            throw new CommandRefused("one message number expected");
        }
        return number(args[0]);
    }

    private static int number(String text) {
        int number = (int) digits(text, Integer.MAX_VALUE, "invalid message number");
        if (number == 0) {
            throw new CommandRefused("invalid message number");
        }
        return number;
    }

    private static long digits(String text, long max, String message) {
        if (text.isEmpty()) {
            throw new CommandRefused(message);
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || value > (max - (c - '0')) / 10) {
                throw new CommandRefused(message);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
