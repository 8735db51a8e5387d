/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import java.time.Duration;

/**
 * What every session of one server shares.
 *
 * @param allowPlaintextAuth null: allowed on loopback only
 */
public record ImapConfig(
        MailStore store,
        Directory directory,
        Boolean allowPlaintextAuth,
        Duration authBackoff,
        java.time.Clock clock,
        long appendLimit,
        Processors processors) {}
