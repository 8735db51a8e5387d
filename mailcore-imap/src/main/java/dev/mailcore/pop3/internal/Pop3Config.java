/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import java.time.Clock;
import java.time.Duration;

/**
 * What every session of one server shares.
 *
 * @param allowPlaintextAuth null: allowed on loopback only
 * @param expire the retention announced as EXPIRE, or null for none
 * @param loginDelay the least time between logins of an account, or null for none
 */
public record Pop3Config(
        MailStore store,
        Directory directory,
        Boolean allowPlaintextAuth,
        Duration authBackoff,
        Clock clock,
        Duration expire,
        Duration loginDelay,
        MaildropLocks locks) {}
