/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.util.EnumSet;
import java.util.Set;

/** The connection states of RFC 9051 §3. */
public enum SessionState {
    NOT_AUTHENTICATED,
    AUTHENTICATED,
    SELECTED,
    LOGOUT;

    static final Set<SessionState> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    static final Set<SessionState> UNAUTHENTICATED = EnumSet.of(NOT_AUTHENTICATED);
    static final Set<SessionState> AUTHENTICATED_OR_SELECTED = EnumSet.of(AUTHENTICATED, SELECTED);
    static final Set<SessionState> SELECTED_ONLY = EnumSet.of(SELECTED);
}
