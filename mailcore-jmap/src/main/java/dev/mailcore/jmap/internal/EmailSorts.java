/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.search.SortField;
import java.util.List;
import java.util.Map;

/** The Email/query sort properties (RFC 8621 §4.4.2) this server supports, and the store's field for each. */
public final class EmailSorts {
    public static final Map<String, SortField> FIELDS = Map.of(
            "receivedAt", SortField.ARRIVAL,
            "sentAt", SortField.DATE,
            "size", SortField.SIZE,
            "from", SortField.FROM,
            "to", SortField.TO,
            "subject", SortField.SUBJECT);

    public static final List<String> PROPERTIES = List.of("receivedAt", "sentAt", "size", "from", "to", "subject");

    private EmailSorts() {}
}
