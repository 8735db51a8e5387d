/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import java.util.Optional;

/**
 * What a JMAP blob id names. Ids are opaque to clients; inside they say where the bytes come from, so a download
 * needs no lookup table: an upload by its SHA-256, a whole email, or one decoded MIME part of an email.
 */
public sealed interface BlobRef {
    String jmapId();

    /** An upload not yet imported. */
    record UploadRef(BlobId hash) implements BlobRef {
        @Override
        public String jmapId() {
            return "u" + hash.value();
        }
    }

    /** The raw octets of a whole email. */
    record EmailRef(EmailId email) implements BlobRef {
        @Override
        public String jmapId() {
            return "m" + email.value();
        }
    }

    /** The decoded body of one MIME part; {@code section} is the part's IMAP section number. */
    record PartRef(EmailId email, String section) implements BlobRef {
        @Override
        public String jmapId() {
            // Ids allow [A-Za-z0-9_-]: dots become dashes, and the first '_' ends the section.
            return "p" + section.replace('.', '-') + "_" + email.value();
        }
    }

    /** The reference a JMAP blob id stands for, or empty when it is not one this server made. */
    static Optional<BlobRef> parse(String id) {
        if (id == null || id.length() < 2) {
            return Optional.empty();
        }
        String rest = id.substring(1);
        try {
            return switch (id.charAt(0)) {
                case 'u' -> Optional.of(new UploadRef(BlobId.of(rest)));
                case 'm' -> Optional.of(new EmailRef(EmailId.of(rest)));
                case 'p' -> {
                    int cut = rest.indexOf('_');
                    String section = cut < 0 ? "" : rest.substring(0, cut);
                    if (cut < 1 || !section.matches("[0-9]+(-[0-9]+)*")) {
                        yield Optional.empty();
                    }
                    yield Optional.of(new PartRef(EmailId.of(rest.substring(cut + 1)), section.replace('-', '.')));
                }
                default -> Optional.empty();
            };
        } catch (MailException e) {
            return Optional.empty();
        }
    }
}
