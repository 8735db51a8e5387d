/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.store.internal.mime.BaseSubject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Comparators for the sort keys of IMAP SORT (RFC 5256, RFC 5957) and JMAP Email/query. */
final class MessageOrder {
    private MessageOrder() {}

    /** Orders by {@code keys}, then by {@code tieBreak}. */
    static Comparator<SearchCandidate> of(List<SortKey> keys, Comparator<SearchCandidate> tieBreak) {
        Comparator<SearchCandidate> order = null;
        for (SortKey key : keys) {
            Comparator<SearchCandidate> one = comparator(key);
            if (key.reverse()) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order == null ? tieBreak : order.thenComparing(tieBreak);
    }

    private static Comparator<SearchCandidate> comparator(SortKey key) {
        return switch (key.field()) {
            case ARRIVAL -> Comparator.comparing(c -> c.email().receivedAt());
            case DATE -> Comparator.comparing(MessageOrder::sentOrReceived);
            case SIZE -> Comparator.comparingLong(c -> c.email().size());
            case SUBJECT ->
                Comparator.comparing(c -> BaseSubject.of(c.email().summary().subject()));
            case FROM -> Comparator.comparing(c -> mailbox(c.email().summary().from()));
            case TO -> Comparator.comparing(c -> mailbox(c.email().summary().to()));
            case CC -> Comparator.comparing(c -> mailbox(c.email().summary().cc()));
            case DISPLAY_FROM ->
                Comparator.comparing(c -> display(c.email().summary().from()));
            case DISPLAY_TO ->
                Comparator.comparing(c -> display(c.email().summary().to()));
        };
    }

    /** RFC 5256: a message without a usable Date sorts by its arrival. */
    private static Instant sentOrReceived(SearchCandidate c) {
        MessageSummary summary = c.email().summary();
        return summary.sentAt() != null ? summary.sentAt() : c.email().receivedAt();
    }

    private static EmailAddress first(List<Address> addresses) {
        for (Address address : addresses) {
            if (address instanceof EmailAddress single) {
                return single;
            }
            if (address instanceof AddressGroup group && !group.members().isEmpty()) {
                return group.members().get(0);
            }
        }
        return null;
    }

    /** The local part of the first address, lowercase (RFC 5256 {@code addr-mailbox}); empty when none. */
    private static String mailbox(List<Address> addresses) {
        EmailAddress first = first(addresses);
        return first == null ? "" : first.localPart().toLowerCase(Locale.ROOT);
    }

    /** RFC 5957: the display name, or the address when there is none; lowercase. */
    private static String display(List<Address> addresses) {
        EmailAddress first = first(addresses);
        if (first == null) {
            return "";
        }
        String name = first.name();
        return (name == null || name.isBlank() ? first.address() : name).toLowerCase(Locale.ROOT);
    }
}
