/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.receiver;

/** What the application does with a reply; runs while the sending server waits for its answer. */
@FunctionalInterface
public interface ReplyHandler {
    /** Takes the reply; false refuses it, and the sender gets a permanent error. */
    boolean handle(Reply reply);
}
