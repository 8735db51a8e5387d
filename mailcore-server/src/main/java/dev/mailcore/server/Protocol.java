/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import java.util.Locale;
import java.util.Optional;

/**
 * A kind of listener a {@link MailServer} can open. Its {@link #key()} names it in the launcher's flags, the config
 * file and the ready line.
 */
public enum Protocol {
    /** IMAP; offers STARTTLS when the server has TLS material. */
    IMAP(false),
    /** IMAP over TLS from the first byte (port 993). */
    IMAPS(true),
    /** POP3 (port 110); offers STLS when the server has TLS material. Shares maildrop locks with {@link #POP3S}. */
    POP3(false),
    /** POP3 over TLS from the first byte (port 995). */
    POP3S(true),
    /** SMTP for mail from other servers (MX, port 25); offers STARTTLS when the server has TLS material. */
    SMTP(false),
    /** Message submission (port 587): STARTTLS, and AUTH before MAIL. */
    SUBMISSION(true),
    /** Message submission over TLS from the first byte (port 465), AUTH before MAIL. */
    SUBMISSIONS(true),
    /** LMTP, local delivery from a trusted MTA (RFC 2033). */
    LMTP(false),
    /** HTTP: JMAP at {@code /.well-known/jmap} and below {@code /jmap}. */
    HTTP(false),
    /** HTTP over TLS: the same as {@link #HTTP}, on the same HTTP server. */
    HTTPS(true);

    private final boolean needsTls;

    Protocol(boolean needsTls) {
        this.needsTls = needsTls;
    }

    /** The lowercase name: {@code imap}, {@code submissions}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the listener cannot work without TLS material. */
    public boolean needsTls() {
        return needsTls;
    }

    /** The protocol whose {@link #key()} is {@code key}, ignoring case. */
    public static Optional<Protocol> byKey(String key) {
        for (Protocol p : values()) {
            if (p.key().equalsIgnoreCase(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
