/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * An account's use of its quota (RFC 9208 STORAGE and MESSAGE resources; RFC 9425 for JMAP).
 *
 * @param storageUsed octets used by the account's emails
 * @param storageLimit octets allowed, or {@code -1} for no limit
 * @param messagesUsed number of emails
 * @param messageLimit emails allowed, or {@code -1} for no limit
 */
public record QuotaUsage(long storageUsed, long storageLimit, long messagesUsed, long messageLimit) {
    public boolean hasStorageLimit() {
        return storageLimit >= 0;
    }

    public boolean hasMessageLimit() {
        return messageLimit >= 0;
    }
}
