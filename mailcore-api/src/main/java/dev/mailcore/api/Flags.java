/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Set;

/**
 * The flags of a message as one mailbox sees it: the email's keywords plus the membership's {@code \Deleted} mark.
 *
 * @param keywords normalized keywords (see {@link Keywords}), unmodifiable
 * @param deleted whether the message is marked {@code \Deleted} in this mailbox
 */
public record Flags(Set<String> keywords, boolean deleted) {
    public static final Flags NONE = new Flags(Set.of(), false);

    public Flags {
        keywords = Keywords.normalizeAll(keywords);
    }

    public static Flags of(String... keywords) {
        return new Flags(Set.of(keywords), false);
    }

    public boolean has(String keyword) {
        return keywords.contains(keyword);
    }
}
