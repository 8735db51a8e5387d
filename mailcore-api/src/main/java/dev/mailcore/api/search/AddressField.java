/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

/** The address headers a search can look at. */
public enum AddressField {
    FROM,
    TO,
    CC,
    BCC
}
