/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.smtp.SmtpMode;
import java.time.Clock;
import java.time.Duration;

/**
 * What every session of one server shares.
 *
 * @param allowPlaintextAuth whether AUTH is offered without TLS; null means on loopback only
 */
public record SmtpSettings(
        MailStore store,
        Directory directory,
        SmtpMode mode,
        String hostname,
        long maxMessageSize,
        int maxRecipients,
        int maxBadCommands,
        Boolean allowPlaintextAuth,
        Duration authBackoff,
        Clock clock,
        FilterChain filters) {}
