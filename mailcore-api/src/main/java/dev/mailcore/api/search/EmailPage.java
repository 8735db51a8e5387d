/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

import dev.mailcore.api.EmailId;
import java.util.List;

/**
 * One page of a search's result: {@code ids} are the matches from {@code position} on (0 is the first), and
 * {@code total} is how many match in all. A page asked past the end is empty, at {@code position} {@code total}.
 */
public record EmailPage(List<EmailId> ids, int position, int total) {
    public EmailPage {
        ids = List.copyOf(ids);
    }
}
