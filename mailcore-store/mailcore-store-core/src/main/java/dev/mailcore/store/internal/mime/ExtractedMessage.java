/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.spi.SearchDocument;
import java.util.Objects;

/**
 * What {@link MimeExtractor} learns from one message: the summary kept with the email (structure, envelope,
 * preview, attachments) and the text handed to the search index.
 */
public record ExtractedMessage(MessageSummary summary, SearchDocument document) {
    public ExtractedMessage {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(document, "document");
    }
}
