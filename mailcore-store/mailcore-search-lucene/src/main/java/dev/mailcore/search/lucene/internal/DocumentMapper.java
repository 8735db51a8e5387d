/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchMetadata;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link SearchDocument} into the Lucene document of the {@linkplain Fields field layout}. */
public final class DocumentMapper {
    private static final FieldType GRAMS = gramType();

    private final boolean exactBody;

    /** @param exactBody whether the body is indexed as n-grams (exact substrings) rather than words */
    public DocumentMapper(boolean exactBody) {
        this.exactBody = exactBody;
    }

    /** @param metadata the email's metadata, or null for placeholders that a later update replaces */
    public Document toDocument(AccountId account, EmailId email, SearchDocument source, SearchMetadata metadata) {
        Document document = new Document();
        document.add(new StringField(Fields.KEY, Fields.key(account, email), Field.Store.NO));
        document.add(new StringField(Fields.ACCOUNT, account.value(), Field.Store.NO));
        document.add(new BinaryDocValuesField(Fields.EMAIL, new BytesRef(email.value())));
        for (Field field : MetadataFields.fields(metadata)) {
            document.add(field);
        }
        addHeaders(document, source);
        String subject = TextFolding.fold(source.subject());
        grams(document, Fields.SUBJECT, subject);
        grams(document, Fields.TEXT, subject);
        addAddress(document, Fields.FROM, source.from());
        addAddress(document, Fields.TO, source.to());
        addAddress(document, Fields.CC, source.cc());
        addAddress(document, Fields.BCC, source.bcc());
        for (String name : source.attachmentNames()) {
            grams(document, Fields.ATTACHMENT, TextFolding.fold(name));
        }
        String body = TextFolding.fold(source.body());
        if (exactBody) {
            grams(document, Fields.BODY_GRAMS, body);
        } else {
            document.add(new TextField(Fields.BODY_WORDS, body, Field.Store.NO));
        }
        return document;
    }

    private static void addHeaders(Document document, SearchDocument source) {
        Set<String> names = new LinkedHashSet<>();
        for (SearchDocument.Header header : source.headers()) {
            String key = Fields.headerKey(header.name());
            names.add(key);
            String value = TextFolding.fold(header.value());
            grams(document, Fields.HEADER, key + Fields.HEADER_SEPARATOR, value);
            grams(document, Fields.TEXT, value);
        }
        for (String name : names) {
            document.add(new StringField(Fields.HEADER_NAME, name, Field.Store.NO));
        }
    }

    private static void addAddress(Document document, String field, String text) {
        String folded = TextFolding.fold(text);
        grams(document, field, folded);
        grams(document, Fields.TEXT, folded);
    }

    private static void grams(Document document, String field, String folded) {
        grams(document, field, "", folded);
    }

    private static void grams(Document document, String field, String prefix, String folded) {
        if (!folded.isEmpty()) {
            document.add(new Field(field, new GramTokenStream(prefix, folded), GRAMS));
        }
    }

    private static FieldType gramType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
