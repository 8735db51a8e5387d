/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply to one IMAP command.
 *
 * @param untagged the untagged lines, literals inlined
 * @param status the tagged status line without its tag
 * @param octets octets received for the whole reply
 */
record ImapResponse(List<String> untagged, String status, long octets) {
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS", Pattern.CASE_INSENSITIVE);
    private static final Pattern FETCH = Pattern.compile("^\\* \\d+ FETCH", Pattern.CASE_INSENSITIVE);

    /** The EXISTS count of a SELECT or EXAMINE reply, or -1. */
    int exists() {
        for (String line : untagged) {
            Matcher m = EXISTS.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /** How many FETCH responses arrived. */
    int fetchCount() {
        return (int) untagged.stream().filter(l -> FETCH.matcher(l).find()).count();
    }

    /** The numbers of the untagged SEARCH responses. */
    List<Long> searchResults() {
        return untagged.stream()
                .filter(l -> l.regionMatches(true, 0, "* SEARCH", 0, 8))
                .flatMap(l -> java.util.Arrays.stream(l.substring(8).trim().split(" ")))
                .filter(s -> !s.isEmpty())
                .map(Long::parseLong)
                .toList();
    }

    /** The value of a {@code STATUS} item, or -1. */
    long statusItem(String item) {
        Pattern p = Pattern.compile("\\b" + item + " (\\d+)", Pattern.CASE_INSENSITIVE);
        for (String line : untagged) {
            if (line.regionMatches(true, 0, "* STATUS", 0, 8)) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
        }
        return -1;
    }
}
