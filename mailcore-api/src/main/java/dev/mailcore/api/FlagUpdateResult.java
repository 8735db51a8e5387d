/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.List;

/**
 * The outcome of a flag update with IMAP STORE semantics.
 *
 * @param updated the messages whose flags were examined, with their flags and MODSEQ afterwards (including those
 *     where nothing changed, so IMAP can answer each with FETCH)
 * @param modified UIDs not updated because their MODSEQ was above UNCHANGEDSINCE (CONDSTORE {@code [MODIFIED]})
 */
public record FlagUpdateResult(List<MessageMeta> updated, UidSet modified) {
    public FlagUpdateResult {
        updated = List.copyOf(updated);
    }
}
