/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal.search;

import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.spi.SearchDocument;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SearchDocument} with every searchable field folded once by {@link TextFolding}, so that a scan only runs
 * substring tests. Keeps no other copy of the text.
 *
 * @param headers the header fields in order, names lower-cased, values folded
 * @param subject the folded subject
 * @param from the folded From text (likewise to, cc, bcc)
 * @param body the folded body
 * @param attachmentNames the folded attachment file names
 */
public record FoldedDocument(
        List<FoldedHeader> headers,
        String subject,
        String from,
        String to,
        String cc,
        String bcc,
        String body,
        List<String> attachmentNames) {
    public FoldedDocument {
        headers = List.copyOf(headers);
        attachmentNames = List.copyOf(attachmentNames);
    }

    /** A header field with its name lower-cased (names are ASCII) and its value folded. */
    public record FoldedHeader(String name, String value) {}

    /** Folds every searchable field of {@code document}. */
    public static FoldedDocument of(SearchDocument document) {
        return new FoldedDocument(
                document.headers().stream()
                        .map(h -> new FoldedHeader(headerName(h.name()), TextFolding.fold(h.value())))
                        .toList(),
                TextFolding.fold(document.subject()),
                TextFolding.fold(document.from()),
                TextFolding.fold(document.to()),
                TextFolding.fold(document.cc()),
                TextFolding.fold(document.bcc()),
                TextFolding.fold(document.body()),
                document.attachmentNames().stream().map(TextFolding::fold).toList());
    }

    /** The form in which header names are stored and compared. */
    public static String headerName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The folded text of an address field. */
    public String address(AddressField field) {
        return switch (field) {
            case FROM -> from;
            case TO -> to;
            case CC -> cc;
            case BCC -> bcc;
        };
    }

    /** Whether a header named {@code name} (as from {@link #headerName}) has a value containing {@code text}. */
    public boolean headerContains(String name, String text) {
        for (FoldedHeader header : headers) {
            if (header.name().equals(name) && header.value().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any header value, the subject, an address field or the body contains {@code text}. */
    public boolean textContains(String text) {
        if (body.contains(text)
                || subject.contains(text)
                || from.contains(text)
                || to.contains(text)
                || cc.contains(text)
                || bcc.contains(text)) {
            return true;
        }
        for (FoldedHeader header : headers) {
            if (header.value().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an attachment name contains {@code text}; an empty text matches even without attachments. */
    public boolean attachmentNameContains(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (String name : attachmentNames) {
            if (name.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
