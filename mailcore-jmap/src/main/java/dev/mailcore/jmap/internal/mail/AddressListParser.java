/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an RFC 5322 address-list header value as leniently as mail in the wild needs, for the
 * {@code asAddresses} and {@code asGroupedAddresses} header forms (RFC 8621 §4.1.2.3).
 */
final class AddressListParser {
    /** One address: a display name (null when absent) and the addr-spec. */
    record Mailbox(String name, String email) {}

    /** A group, or a run of addresses outside any group (name null). */
    record Group(String name, List<Mailbox> addresses) {}

    private final String text;
    private final List<Group> groups = new ArrayList<>();
    private StringBuilder phrase = new StringBuilder();
    private String angle;
    private String groupName;
    private List<Mailbox> members;

    private AddressListParser(String text) {
        this.text = text.replace("\r\n", "");
    }

    static List<Group> parse(String value) {
        return new AddressListParser(value).run();
    }

    private List<Group> run() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> i = quoted(i);
                case '(' -> i = comment(i);
                case '<' -> {
                    int end = text.indexOf('>', i);
                    end = end < 0 ? text.length() : end;
                    angle = text.substring(i + 1, end).trim();
                    i = end + 1;
                }
                case ':' -> {
                    if (members == null) {
                        groupName = EncodedWords.asText(phrase.toString());
                        members = new ArrayList<>();
                        phrase = new StringBuilder();
                    }
                    i++;
                }
                case ';' -> {
                    finishMailbox();
                    if (members != null) {
                        groups.add(new Group(groupName, List.copyOf(members)));
                        members = null;
                        groupName = null;
                    }
                    i++;
                }
                case ',' -> {
                    finishMailbox();
                    i++;
                }
                default -> {
                    phrase.append(c);
                    i++;
                }
            }
        }
        finishMailbox();
        if (members != null) {
            groups.add(new Group(groupName, List.copyOf(members)));
        }
        return groups;
    }

    private int quoted(int start) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                i++;
            }
            phrase.append(text.charAt(i));
            i++;
        }
        return i + 1;
    }

    private int comment(int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
        }
        return i;
    }

    private void finishMailbox() {
        String words = phrase.toString().trim();
        Mailbox mailbox = null;
        if (angle != null) {
            String name = words.isEmpty() ? null : EncodedWords.asText(words);
            mailbox = new Mailbox(name, angle);
        } else if (!words.isEmpty()) {
            mailbox = new Mailbox(null, words.replaceAll("\\s+", ""));
        }
        if (mailbox != null) {
            if (members != null) {
                members.add(mailbox);
            } else if (!groups.isEmpty() && groups.getLast().name() == null) {
                List<Mailbox> run = new ArrayList<>(groups.getLast().addresses());
                run.add(mailbox);
                groups.set(groups.size() - 1, new Group(null, List.copyOf(run)));
            } else {
                groups.add(new Group(null, List.of(mailbox)));
            }
        }
        phrase = new StringBuilder();
        angle = null;
    }
}
