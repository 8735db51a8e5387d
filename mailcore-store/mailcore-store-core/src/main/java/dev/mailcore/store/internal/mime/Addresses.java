/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.EmailAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses address headers with Angus Mail's lenient parser ({@code InternetAddress.parseHeader(value, false)}),
 * groups included, and never fails: a list Angus rejects is retried one comma-separated item at a time, and an item
 * that still fails is kept as a bare local part holding its text.
 */
final class Addresses {
    private static final int MAX_ADDRESSES = 1000;

    private Addresses() {}

    /** The addresses of a raw header value; display names stay raw (encoded-words kept). */
    static List<Address> parseRaw(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Address> out = new ArrayList<>();
        try {
            addAll(out, InternetAddress.parseHeader(value, false));
        } catch (AddressException | RuntimeException e) {
            out.clear();
            for (String item : splitItems(value)) {
                if (out.size() >= MAX_ADDRESSES) {
                    break;
                }
                try {
                    addAll(out, InternetAddress.parseHeader(item, false));
                } catch (AddressException | RuntimeException e2) {
                    out.add(new EmailAddress(null, item.strip(), null));
                }
            }
        }
        return out.size() > MAX_ADDRESSES ? List.copyOf(out.subList(0, MAX_ADDRESSES)) : out;
    }

    /** The same addresses with display names (and group names) decoded. */
    static List<Address> decoded(List<Address> raw) {
        List<Address> out = new ArrayList<>(raw.size());
        for (Address address : raw) {
            out.add(
                    switch (address) {
                        case EmailAddress e -> decode(e);
                        case AddressGroup g ->
                            new AddressGroup(
                                    EncodedWords.decode(g.name()),
                                    g.members().stream().map(Addresses::decode).toList());
                    });
        }
        return out;
    }

    /** {@code Name <local@domain>, ...} for the search index. */
    static String text(List<Address> addresses) {
        StringBuilder out = new StringBuilder();
        for (Address address : addresses) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            switch (address) {
                case EmailAddress e -> appendMailbox(out, e);
                case AddressGroup g -> {
                    out.append(g.name()).append(':');
                    for (int i = 0; i < g.members().size(); i++) {
                        out.append(i == 0 ? " " : ", ");
                        appendMailbox(out, g.members().get(i));
                    }
                    out.append(';');
                }
            }
        }
        return out.toString();
    }

    private static void appendMailbox(StringBuilder out, EmailAddress e) {
        if (e.name() != null && !e.name().isEmpty()) {
            out.append(e.name()).append(" <").append(e.address()).append('>');
        } else {
            out.append(e.address());
        }
    }

    private static EmailAddress decode(EmailAddress e) {
        return e.name() == null ? e : new EmailAddress(EncodedWords.decode(e.name()), e.localPart(), e.domain());
    }

    private static void addAll(List<Address> out, InternetAddress[] parsed) throws AddressException {
        for (InternetAddress address : parsed) {
            if (out.size() >= MAX_ADDRESSES) {
                return;
            }
            if (address.isGroup()) {
                String spec = address.getAddress();
                int colon = spec.indexOf(':');
                String name = colon < 0 ? spec : spec.substring(0, colon).strip();
                List<EmailAddress> members = new ArrayList<>();
                InternetAddress[] group = address.getGroup(false);
                if (group != null) {
                    for (InternetAddress member : group) {
                        if (!member.isGroup()) {
                            members.add(mailbox(member));
                        }
                    }
                }
                out.add(new AddressGroup(name, members));
            } else {
                EmailAddress mailbox = mailbox(address);
                if (!mailbox.localPart().isEmpty() || mailbox.name() != null) {
                    out.add(mailbox);
                }
            }
        }
    }

    private static EmailAddress mailbox(InternetAddress address) {
        String spec = address.getAddress() == null ? "" : address.getAddress().strip();
        int at = spec.lastIndexOf('@');
        String local = at < 0 ? spec : spec.substring(0, at);
        String domain = at < 0 ? null : spec.substring(at + 1);
        return new EmailAddress(rawPersonal(address, spec), local, domain == null || domain.isEmpty() ? null : domain);
    }

    /**
     * The display name as it stands in the header. Angus keeps it only in a protected field, but its
     * {@code toString()} writes it back out, quoted when needed, in front of {@code " <address>"}.
     */
    private static String rawPersonal(InternetAddress address, String spec) {
        if (address.getPersonal() == null) {
            return null;
        }
        String full = address.toString();
        String suffix = " <" + (address.getAddress() == null ? "" : address.getAddress()) + ">";
        if (!full.endsWith(suffix)) {
            return address.getPersonal();
        }
        String phrase = full.substring(0, full.length() - suffix.length());
        if (phrase.length() >= 2 && phrase.startsWith("\"") && phrase.endsWith("\"")) {
            StringBuilder out = new StringBuilder(phrase.length());
            for (int i = 1; i < phrase.length() - 1; i++) {
                char c = phrase.charAt(i);
                if (c == '\\' && i + 1 < phrase.length() - 1) {
                    c = phrase.charAt(++i);
                }
                out.append(c);
            }
            phrase = out.toString();
        }
        String name = phrase.strip();
        return name.isEmpty() ? null : name;
    }

    private static List<String> splitItems(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                if (!current.toString().isBlank()) {
                    items.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            items.add(current.toString());
        }
        return items;
    }
}
