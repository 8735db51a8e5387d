/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a submitted message: recipients the directory knows get it in their INBOX through the store, the others go
 * to the outbound queue in one envelope. Without a queue, remote recipients are refused before anything is sent.
 */
public final class Delivery {
    /** Recipients that cannot be served; nothing was sent. */
    static final class Refused extends RuntimeException {
        final String type;
        final List<String> recipients;

        Refused(String type, String description, List<String> recipients) {
            super(description);
            this.type = type;
            this.recipients = recipients;
        }
    }

    /** How each recipient was handled: {@code yes} (delivered locally) or {@code queued}. */
    record Outcome(Map<String, String> delivered) {}

    private final MailStore store;
    private final Directory directory;
    private final Optional<OutboundQueue> queue;

    public Delivery(MailStore store, Directory directory, Optional<OutboundQueue> queue) {
        this.store = store;
        this.directory = directory;
        this.queue = queue;
    }

    Outcome send(String mailFrom, List<String> rcptTo, byte[] message) {
        Map<String, AccountId> local = new LinkedHashMap<>();
        List<String> remote = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String recipient : rcptTo) {
            Optional<AccountId> account = directory.resolveRecipient(recipient);
            String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (account.isPresent()) {
                local.put(recipient, account.get());
            } else if (directory.isLocalDomain(domain)) {
                unknown.add(recipient);
            } else {
                remote.add(recipient);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refused("invalidRecipients", "no such local mailbox", unknown);
        }
        if (!remote.isEmpty() && queue.isEmpty()) {
            throw new Refused("invalidRecipients", "this server does not relay to other domains", remote);
        }
        byte[] sent = withoutBcc(message);
        Map<String, String> outcome = new LinkedHashMap<>();
        local.forEach((recipient, account) -> {
            store.deliveries().deliver(account, mailFrom, new ByteArrayInputStream(sent));
            outcome.put(recipient, "yes");
        });
        if (!remote.isEmpty()) {
            OutboundEnvelope envelope = new OutboundEnvelope(
                    mailFrom, remote.stream().map(OutboundRecipient::of).toList(), Optional.empty(), Optional.empty());
            queue.orElseThrow().enqueue(envelope, new ByteArrayInputStream(sent));
            remote.forEach(recipient -> outcome.put(recipient, "queued"));
        }
        return new Outcome(outcome);
    }

    /** The message with its Bcc fields removed from the header (RFC 8621 §7.5), body untouched. */
    static byte[] withoutBcc(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String header = end < 0 ? text : text.substring(0, end + 2);
        String rest = end < 0 ? "" : text.substring(end + 2);
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : header.split("(?<=\r\n)")) {
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (!continuation) {
                skipping = line.regionMatches(true, 0, "Bcc:", 0, 4);
            }
            if (!skipping) {
                kept.append(line);
            }
        }
        return (kept + rest).getBytes(StandardCharsets.ISO_8859_1);
    }
}
