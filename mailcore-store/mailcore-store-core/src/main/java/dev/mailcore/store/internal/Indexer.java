/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.store.internal.mime.ExtractedMessage;
import dev.mailcore.store.internal.mime.MimeExtractor;
import dev.mailcore.store.internal.mime.SpooledMessage;
import java.io.InputStream;

/** Feeds the search index: documents made at ingest, or made again from the stored blob. */
public final class Indexer {
    private final EngineContext context;
    private final MimeExtractor extractor;

    public Indexer(EngineContext context, MimeExtractor extractor) {
        this.context = context;
        this.extractor = extractor;
    }

    public void index(AccountId account, EmailId email, SearchDocument document) {
        if (context.index() != null) {
            context.index().index(account, email, document);
        }
    }

    /** Extracts the document from the stored content again, for an email that shares content with another. */
    public void reindex(AccountId account, EmailRecord email) {
        if (context.index() == null) {
            return;
        }
        try (InputStream in = context.blobs().open(email.blobId());
                SpooledMessage spooled =
                        SpooledMessage.spool(in, Long.MAX_VALUE, context.spoolThreshold(), context.spoolDirectory())) {
            ExtractedMessage extracted = extractor.extract(spooled);
            context.index().index(account, email.id(), extracted.document());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
