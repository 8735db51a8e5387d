/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

/** How a calendar-day criterion compares: earlier than, on, or on-or-after the day. */
public enum DateComparison {
    BEFORE,
    ON,
    SINCE
}
