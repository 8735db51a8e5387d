/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The trace header fields put in front of a message: Received (RFC 5321 section 4.4) on every message, and at final
 * delivery Return-Path and one Delivered-To per recipient address the copy is for.
 *
 * @param protocol the "with" keyword of RFC 3848: SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA, LMTP, ...
 */
public record TraceHeaders(
        String reversePath,
        String helo,
        InetSocketAddress client,
        String hostname,
        String protocol,
        Optional<SSLSession> tls,
        String id,
        List<Recipient> recipients,
        ZonedDateTime when) {

    /** The same trace for the copy of some of the recipients. */
    public TraceHeaders forRecipients(List<Recipient> theirs) {
        return new TraceHeaders(reversePath, helo, client, hostname, protocol, tls, id, theirs, when);
    }

    /** Return-Path, Delivered-To and Received: the fields of a copy delivered to a local mailbox. */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder();
        sb.append("Return-Path: <").append(reversePath).append(">\r\n");
        // Delivered-To names the address as the client gave it, so a user can see which alias or +tag it came by.
        recipients.stream()
                .map(Recipient::address)
                .distinct()
                .forEach(address -> sb.append("Delivered-To: ").append(address).append("\r\n"));
        received(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The Received field alone: what a message relayed to another server gets. */
    public byte[] encodeReceived() {
        StringBuilder sb = new StringBuilder();
        received(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void received(StringBuilder sb) {
        sb.append("Received: from ").append(helo);
        if (client != null && client.getAddress() != null) {
            sb.append(" ([").append(client.getAddress().getHostAddress()).append("])");
        }
        sb.append("\r\n\tby ").append(hostname).append(" (Mailcore) with ").append(protocol);
        tls.ifPresent(session -> sb.append("\r\n\t(using ")
                .append(session.getProtocol())
                .append(" with cipher ")
                .append(session.getCipherSuite())
                .append(')'));
        sb.append(" id ").append(id);
        // Naming the recipient only when there is one keeps other recipients of the same copy private.
        if (recipients.size() == 1) {
            sb.append("\r\n\tfor <").append(recipients.getFirst().address()).append('>');
        }
        sb.append("; ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(when))
                .append("\r\n");
    }
}
