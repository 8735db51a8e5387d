/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns one command line into an {@link SmtpCommand}; throws {@link SyntaxError} for a malformed one. */
public final class CommandParser {
    private CommandParser() {}

    public static SmtpCommand parse(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        return switch (verb) {
            case "HELO", "EHLO", "LHLO" -> {
                if (argument.isEmpty()) {
                    throw new SyntaxError(verb + " needs a domain or address literal");
                }
                yield new SmtpCommand.Hello(verb, argument.split(" ", 2)[0]);
            }
            case "MAIL" -> {
                String rest = after(argument, "FROM:");
                Path path = path(rest);
                yield new SmtpCommand.Mail(path.address(), parameters(path.rest()));
            }
            case "RCPT" -> {
                String rest = after(argument, "TO:");
                Path path = path(rest);
                if (path.address().isEmpty()) {
                    throw new SyntaxError("RCPT TO needs an address");
                }
                yield new SmtpCommand.Rcpt(path.address(), parameters(path.rest()));
            }
            case "DATA" -> noArgument(verb, argument, new SmtpCommand.Data());
            case "BDAT" -> {
                SmtpCommand.Bdat bdat = SmtpLiterals.bdat(line);
                if (bdat == null) {
                    throw new SyntaxError("BDAT needs a chunk size and optionally LAST");
                }
                yield bdat;
            }
            case "RSET" -> noArgument(verb, argument, new SmtpCommand.Rset());
            case "QUIT" -> noArgument(verb, argument, new SmtpCommand.Quit());
            case "STARTTLS" -> noArgument(verb, argument, new SmtpCommand.StartTls());
            case "NOOP" -> new SmtpCommand.Noop();
            case "HELP" -> new SmtpCommand.Help();
            case "VRFY" -> {
                if (argument.isEmpty()) {
                    throw new SyntaxError("VRFY needs an argument");
                }
                String target = argument.strip();
                if (target.startsWith("<") && target.endsWith(">")) {
                    target = target.substring(1, target.length() - 1);
                }
                yield new SmtpCommand.Vrfy(target);
            }
            case "AUTH" -> {
                if (argument.isEmpty()) {
                    throw new SyntaxError("AUTH needs a mechanism");
                }
                String[] words = argument.split(" +");
                if (words.length > 2) {
                    throw new SyntaxError("AUTH takes a mechanism and an initial response");
                }
                yield new SmtpCommand.Auth(words[0].toUpperCase(Locale.ROOT), words.length == 2 ? words[1] : null);
            }
            default -> new SmtpCommand.Unknown(verb);
        };
    }

    private record Path(String address, String rest) {}

    private static SmtpCommand noArgument(String verb, String argument, SmtpCommand command) {
        if (!argument.isEmpty()) {
            throw new SyntaxError(verb + " takes no argument");
        }
        return command;
    }

    private static String after(String argument, String keyword) {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new SyntaxError("expected " + keyword + "<address>");
        }
        return argument.substring(keyword.length()).stripLeading();
    }

    /** Reads {@code <address>}, drops an RFC 5321 source route, and returns what follows. */
    private static Path path(String text) {
        if (!text.startsWith("<")) {
            throw new SyntaxError("the address must be in angle brackets");
        }
        boolean quoted = false;
        int end = -1;
        for (int i = 1; i < text.length() && end < 0; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                end = i;
            }
        }
        if (end < 0) {
            throw new SyntaxError("the address has no closing angle bracket");
        }
        String address = text.substring(1, end);
        if (address.startsWith("@")) {
            int colon = address.indexOf(':');
            if (colon < 0) {
                throw new SyntaxError("bad source route");
            }
            address = address.substring(colon + 1);
        }
        if (!address.isEmpty() && !valid(address)) {
            throw new SyntaxError("bad address: " + address);
        }
        String rest = text.substring(end + 1);
        if (!rest.isEmpty() && !rest.startsWith(" ")) {
            throw new SyntaxError("a space must follow the address");
        }
        return new Path(address, rest.strip());
    }

    private static boolean valid(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            // RFC 5321 requires "postmaster" without a domain to be accepted.
            return address.equalsIgnoreCase("postmaster");
        }
        return at > 0 && at < address.length() - 1 && address.chars().noneMatch(c -> c < 0x21 && c != ' ');
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return result;
        }
        for (String word : text.split(" +")) {
            int eq = word.indexOf('=');
            String key = (eq < 0 ? word : word.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                throw new SyntaxError("bad parameter: " + word);
            }
            result.put(key, eq < 0 ? "" : word.substring(eq + 1));
        }
        return result;
    }
}
