/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.util.List;
import java.util.Set;

/**
 * Carries out one kind of command against the session and the store, and declares the capabilities it brings.
 *
 * @param <C> the command it processes
 */
public interface Processor<C extends Command> {
    Class<C> type();

    /** The states the command is valid in. */
    Set<SessionState> states();

    /** What this command adds to CAPABILITY in the session's current situation. */
    default List<String> capabilities(ImapSession session) {
        return List.of();
    }

    /**
     * Does the work and writes untagged responses.
     *
     * @return the tagged completion, or null when the command goes on (IDLE, AUTHENTICATE) or already ended
     */
    Completion process(C command, ImapSession session);
}
