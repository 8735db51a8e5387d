/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** What happened to an object in a {@link Change}. */
public enum ChangeKind {
    CREATED,
    UPDATED,
    DESTROYED
}
