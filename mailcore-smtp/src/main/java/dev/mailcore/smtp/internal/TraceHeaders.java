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
 * The Return-Path and Received header fields (RFC 5321 section 4.4) put in front of a delivered message.
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

    public byte[] encode() {
        StringBuilder sb = new StringBuilder();
        sb.append("Return-Path: <").append(reversePath).append(">\r\n");
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
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
