/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ESMTP extensions the server implements; each says when it is announced, and EHLO lists exactly those. */
public enum Extension {
    PIPELINING {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("PIPELINING");
        }
    },
    EIGHT_BIT_MIME {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("8BITMIME");
        }
    },
    SIZE {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("SIZE " + context.maxMessageSize());
        }
    },
    ENHANCED_STATUS_CODES {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("ENHANCEDSTATUSCODES");
        }
    },
    SMTPUTF8 {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("SMTPUTF8");
        }
    },
    CHUNKING {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("CHUNKING");
        }
    },
    BINARYMIME {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("BINARYMIME");
        }
    },
    DSN {
        @Override
        Optional<String> keyword(Context context) {
            return Optional.of("DSN");
        }
    },
    STARTTLS {
        @Override
        Optional<String> keyword(Context context) {
            return context.canStartTls() ? Optional.of("STARTTLS") : Optional.empty();
        }
    },
    AUTH {
        @Override
        Optional<String> keyword(Context context) {
            return context.authMechanisms().isEmpty()
                    ? Optional.empty()
                    : Optional.of("AUTH " + String.join(" ", context.authMechanisms()));
        }
    };

    /**
     * What decides the announcement on one connection at the time of EHLO.
     *
     * @param authMechanisms the SASL mechanisms offered now; empty when AUTH is not
     */
    public record Context(long maxMessageSize, boolean canStartTls, List<String> authMechanisms) {}

    abstract Optional<String> keyword(Context context);

    /** The EHLO keywords for this connection, in declaration order. */
    public static List<String> keywords(Context context) {
        List<String> result = new ArrayList<>();
        for (Extension extension : values()) {
            extension.keyword(context).ifPresent(result::add);
        }
        return result;
    }
}
