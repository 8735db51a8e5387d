/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** What a delivery status notification about a message carries (RFC 3461 RET): the whole message or its header. */
public enum DsnReturn {
    FULL,
    HDRS
}
