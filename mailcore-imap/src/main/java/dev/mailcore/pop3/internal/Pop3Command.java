/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

/** A parsed POP3 command (RFC 1939, RFC 2449, RFC 2595, RFC 5034). Message numbers are 1-based. */
public sealed interface Pop3Command {
    record User(String name) implements Pop3Command {}

    record Pass(String password) implements Pop3Command {}

    /** AUTH; {@code initialResponse} is the base64 text, {@code =} for empty, or null when none was sent. */
    record Auth(String mechanism, String initialResponse) implements Pop3Command {}

    /** AUTH without a mechanism: list the mechanisms. */
    record AuthList() implements Pop3Command {}

    record Capa() implements Pop3Command {}

    record Stls() implements Pop3Command {}

    record Stat() implements Pop3Command {}

    /** LIST, for one message or (number 0) all of them. */
    record List(int number) implements Pop3Command {}

    /** UIDL, for one message or (number 0) all of them. */
    record Uidl(int number) implements Pop3Command {}

    record Retr(int number) implements Pop3Command {}

    record Top(int number, long lines) implements Pop3Command {}

    record Dele(int number) implements Pop3Command {}

    record Rset() implements Pop3Command {}

    record Noop() implements Pop3Command {}

    record Quit() implements Pop3Command {}
}
