/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import java.util.Map;

/** A parsed SMTP or LMTP command. */
public sealed interface SmtpCommand {
    /** HELO, EHLO or LHLO. */
    record Hello(String verb, String domain) implements SmtpCommand {
        public boolean extended() {
            return !verb.equals("HELO");
        }
    }

    /** MAIL FROM: the reverse path ("" for the null sender) and the ESMTP parameters, keys upper-cased. */
    record Mail(String reversePath, Map<String, String> parameters) implements SmtpCommand {}

    /** RCPT TO: the forward path and the ESMTP parameters, keys upper-cased. */
    record Rcpt(String forwardPath, Map<String, String> parameters) implements SmtpCommand {}

    record Data() implements SmtpCommand {}

    /** BDAT (RFC 3030): a chunk of {@code size} octets, the message's last when {@code last}. */
    record Bdat(long size, boolean last) implements SmtpCommand {}

    record Rset() implements SmtpCommand {}

    record Noop() implements SmtpCommand {}

    record Quit() implements SmtpCommand {}

    record Help() implements SmtpCommand {}

    /** VRFY with its argument: an address, with or without angle brackets, or a name. */
    record Vrfy(String argument) implements SmtpCommand {}

    record StartTls() implements SmtpCommand {}

    /** AUTH with its mechanism and the initial response (base64 as sent), or null without one. */
    record Auth(String mechanism, String initialResponse) implements SmtpCommand {}

    /** A verb the server does not know. */
    record Unknown(String verb) implements SmtpCommand {}
}
