/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import dev.mailcore.api.spi.SearchDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link SearchDocument}s for tests in a line: the fields that are set also appear as header fields (From, To,
 * Cc, Bcc, Subject, in that order, before any {@link #header} added by hand), as they do in a real message.
 *
 * <pre>{@code
 * SearchDocument document = SearchDocumentBuilder.document()
 *         .from("Alice <alice@example.org>")
 *         .subject("Lunch?")
 *         .body("Noon at the usual place.")
 *         .build();
 * }</pre>
 */
public final class SearchDocumentBuilder {
    private final List<SearchDocument.Header> extraHeaders = new ArrayList<>();
    private final List<String> attachmentNames = new ArrayList<>();
    private String subject = "";
    private String from = "";
    private String to = "";
    private String cc = "";
    private String bcc = "";
    private String body = "";
    private Instant sentAt;

    private SearchDocumentBuilder() {}

    /** A builder for a document with no fields yet. */
    public static SearchDocumentBuilder document() {
        return new SearchDocumentBuilder();
    }

    public SearchDocumentBuilder subject(String value) {
        subject = value;
        return this;
    }

    public SearchDocumentBuilder from(String value) {
        from = value;
        return this;
    }

    public SearchDocumentBuilder to(String value) {
        to = value;
        return this;
    }

    public SearchDocumentBuilder cc(String value) {
        cc = value;
        return this;
    }

    public SearchDocumentBuilder bcc(String value) {
        bcc = value;
        return this;
    }

    public SearchDocumentBuilder body(String value) {
        body = value;
        return this;
    }

    /** Adds a header field after the ones made from the other fields; a name may be added more than once. */
    public SearchDocumentBuilder header(String name, String value) {
        extraHeaders.add(new SearchDocument.Header(name, value));
        return this;
    }

    public SearchDocumentBuilder attachment(String fileName) {
        attachmentNames.add(fileName);
        return this;
    }

    public SearchDocumentBuilder sentAt(Instant value) {
        sentAt = value;
        return this;
    }

    public SearchDocument build() {
        List<SearchDocument.Header> headers = new ArrayList<>();
        addIfSet(headers, "From", from);
        addIfSet(headers, "To", to);
        addIfSet(headers, "Cc", cc);
        addIfSet(headers, "Bcc", bcc);
        addIfSet(headers, "Subject", subject);
        headers.addAll(extraHeaders);
        return new SearchDocument(headers, subject, from, to, cc, bcc, body, attachmentNames, sentAt);
    }

    private static void addIfSet(List<SearchDocument.Header> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.add(new SearchDocument.Header(name, value));
        }
    }
}
