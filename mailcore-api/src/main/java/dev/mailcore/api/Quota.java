/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * An account's limits; {@code -1} means unlimited.
 *
 * @param storageLimit octets of stored email
 * @param messageLimit number of emails
 */
public record Quota(long storageLimit, long messageLimit) {
    public static final Quota UNLIMITED = new Quota(-1, -1);
}
