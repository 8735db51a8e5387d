/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

import java.util.List;

/**
 * One node of a message thread (RFC 5256 THREAD): a message and the replies to it, in sent-date order.
 *
 * <pre>{@code
 * // (3 6 (4 23)(44 7 96)): 3 has the single child 6, which has two children
 * new ThreadNode(3, List.of(new ThreadNode(6, List.of(...))));
 * }</pre>
 *
 * @param uid the UID of the message, or 0 for a placeholder: a message that is referenced but not present, which
 *     keeps its children (at least two) together
 * @param children the replies, earliest sent first
 */
public record ThreadNode(long uid, List<ThreadNode> children) {
    public ThreadNode {
        children = List.copyOf(children);
    }

    /** Whether this node stands for a message that is not in the result. */
    public boolean isPlaceholder() {
        return uid == 0;
    }
}
