/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** When a recipient's delivery status notification is wanted (RFC 3461 NOTIFY). */
public enum DsnNotify {
    NEVER,
    SUCCESS,
    FAILURE,
    DELAY
}
