/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

/** What a listener is for; it decides the greeting, the hello verb, authentication and the replies after DATA. */
public enum SmtpMode {
    /** Mail from other servers (port 25): no authentication needed for local recipients, never an open relay. */
    MX,
    /** Mail from the users' own clients (ports 587 and 465): AUTH is required before MAIL. */
    SUBMISSION,
    /** Local delivery from a trusted MTA (RFC 2033): LHLO, and one reply per recipient after DATA. */
    LMTP
}
