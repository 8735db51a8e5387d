/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.smtp.MessageFilter;
import dev.mailcore.smtp.SmtpListener;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * What every protocol server is built with. {@code sslContext} is null without TLS material; the limits and
 * {@code allowPlaintextAuth} are null where the protocol's own default applies; {@code smtpFilters} run on every
 * SMTP-family listener and {@code smtpListeners} observe them; {@code verifyAddresses} makes their VRFY answer from
 * the directory; {@code outboundQueue} takes authenticated SMTP and JMAP mail for other domains.
 */
public record ProtocolSettings(
        MailStore store,
        Directory directory,
        AccountObjectStore accountObjects,
        OutboundQueue outboundQueue,
        SSLContext sslContext,
        String hostname,
        Boolean allowPlaintextAuth,
        Long maxMessageSize,
        Integer maxLineLength,
        Duration idleTimeout,
        List<MessageFilter> smtpFilters,
        List<SmtpListener> smtpListeners,
        boolean verifyAddresses) {}
