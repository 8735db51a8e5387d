/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

/**
 * One mailbox of an address header.
 *
 * @param name the display name, or {@code null}; raw (encoded-words kept) in an {@link Envelope}, decoded in the
 *     other fields of {@link MessageSummary}
 * @param localPart the part before {@code @}; never null (may be empty for broken headers)
 * @param domain the part after {@code @}, or {@code null} when the address has none
 */
public record EmailAddress(String name, String localPart, String domain) implements Address {
    public EmailAddress {
        localPart = localPart == null ? "" : localPart;
    }

    /** {@code local@domain}, or the local part alone when there is no domain. */
    public String address() {
        return domain == null ? localPart : localPart + "@" + domain;
    }
}
