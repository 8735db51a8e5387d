/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the search index gets of an email: its text, extracted and decoded once at ingest.
 *
 * @param headers every header field, in order, with the value unfolded and encoded-words decoded
 * @param subject the decoded subject, or empty
 * @param from the From addresses and display names as text (likewise to, cc, bcc)
 * @param body the text of every text part, HTML reduced to text, parts separated by a newline
 * @param attachmentNames decoded file names of attachments
 * @param sentAt the Date header, or null
 */
public record SearchDocument(
        List<Header> headers,
        String subject,
        String from,
        String to,
        String cc,
        String bcc,
        String body,
        List<String> attachmentNames,
        Instant sentAt) {
    public SearchDocument {
        headers = List.copyOf(headers);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cc, "cc");
        Objects.requireNonNull(bcc, "bcc");
        Objects.requireNonNull(body, "body");
        attachmentNames = List.copyOf(attachmentNames);
    }

    /** A header field: its name as written and its decoded value. */
    public record Header(String name, String value) {}
}
