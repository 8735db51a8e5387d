/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.smtp.CapturedMessage;
import dev.mailcore.smtp.SmtpMode;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What every session of one server shares.
 *
 * @param allowPlaintextAuth whether AUTH is offered without TLS; null means on loopback only
 * @param outboundQueue where authenticated mail for other domains goes; null refuses it
 * @param capture where capture mode keeps messages; null when the server is not in capture mode
 * @param greetingDelay how long the server waits before its greeting; zero for none
 * @param dataTimeout the longest a DATA transfer may take
 * @param verifyAddresses whether VRFY tells whether a local address exists
 * @param listeners the host's observers, as one
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
        FilterChain filters,
        OutboundQueue outboundQueue,
        Consumer<CapturedMessage> capture,
        Duration greetingDelay,
        Duration dataTimeout,
        boolean verifyAddresses,
        Listeners listeners) {
    public boolean captureMode() {
        return capture != null;
    }
}
