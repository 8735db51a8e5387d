/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * Thread counters of one mailbox (JMAP totalThreads and unreadThreads).
 *
 * @param threads how many distinct threads the mailbox's messages belong to
 * @param unseenThreads how many of those threads have an unseen message in the mailbox
 */
public record ThreadCounts(long threads, long unseenThreads) {}
