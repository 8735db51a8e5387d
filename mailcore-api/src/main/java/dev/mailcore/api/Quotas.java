/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** Quota use of an account (IMAP QUOTA RFC 9208, JMAP Quota RFC 9425). */
public interface Quotas {
    QuotaUsage usage(AccountId account);
}
