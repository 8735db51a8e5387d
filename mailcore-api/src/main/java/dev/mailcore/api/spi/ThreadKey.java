/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.ThreadId;

/**
 * What threading remembers about a Message-ID: the thread of the email that has it (or that referred to it), and
 * that thread's base subject, so a reply with an unrelated subject can start a thread of its own.
 */
public record ThreadKey(String messageId, ThreadId threadId, String baseSubject) {}
