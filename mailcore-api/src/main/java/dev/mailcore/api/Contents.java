/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.io.InputStream;

/**
 * Raw message bytes, streamed: never loaded whole into the heap. The caller closes the streams.
 */
public interface Contents {
    /** The whole raw message. @throws MailException {@link ErrorReason#EMAIL_NOT_FOUND} */
    InputStream open(AccountId account, EmailId email);

    /**
     * {@code length} bytes of the raw message from {@code offset}, fewer at its end; empty past the end. The
     * {@link dev.mailcore.api.message.ByteSpan}s of the summary tell where each MIME part lies.
     *
     * @throws MailException {@link ErrorReason#EMAIL_NOT_FOUND}; {@link ErrorReason#INVALID_ARGUMENT} for a
     *     negative offset or length
     */
    InputStream open(AccountId account, EmailId email, long offset, long length);
}
