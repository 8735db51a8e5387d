/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.MessageSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Opens the bytes a blob id names, for downloads and Email/import. */
public final class BlobReader {
    private final MailStore store;
    private final Uploads uploads;

    public BlobReader(MailStore store, Uploads uploads) {
        this.store = store;
        this.uploads = uploads;
    }

    /** The blob's octets (a part's body with its transfer encoding removed), or empty when the account has none. */
    public Optional<InputStream> open(AccountId account, BlobRef ref) {
        return switch (ref) {
            case BlobRef.UploadRef upload ->
                uploads.get(account, upload.hash()).map(u -> new ByteArrayInputStream(u.content()));
            case BlobRef.EmailRef email ->
                summary(account, email.email()).map(s -> store.contents().open(account, email.email()));
            case BlobRef.PartRef part ->
                summary(account, part.email())
                        .flatMap(s -> Parts.find(s.body(), part.section()))
                        .map(p -> decodedBody(account, part.email(), p));
        };
    }

    /** The decoded body of one part, as bytes. */
    public byte[] partBody(AccountId account, EmailId email, BodyPart part) {
        try (InputStream in = store.contents()
                .open(account, email, part.span().bodyStart(), part.span().bodySize())) {
            return TransferDecoding.decode(in.readAllBytes(), part.content().encoding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream decodedBody(AccountId account, EmailId email, BodyPart part) {
        return new ByteArrayInputStream(partBody(account, email, part));
    }

    private Optional<MessageSummary> summary(AccountId account, EmailId email) {
        return Optional.ofNullable(
                store.messages().summaries(account, List.of(email)).get(email));
    }
}
