/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;

/** A NO or BAD reply to a command the harness needs. */
final class ImapException extends IOException {
    private static final long serialVersionUID = 1L;

    ImapException(String message) {
        super(message);
    }
}
