/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

import java.util.List;

/**
 * The MIME headers of one part that IMAP BODYSTRUCTURE and JMAP EmailBodyPart report.
 *
 * @param type lowercase media type, such as {@code text}
 * @param subtype lowercase subtype, such as {@code plain}
 * @param parameters Content-Type parameters as they stand (RFC 2231 continuations not joined)
 * @param id Content-ID, or null
 * @param description Content-Description, or null
 * @param encoding lowercase Content-Transfer-Encoding; {@code 7bit} when absent
 * @param disposition lowercase Content-Disposition type, or null when absent
 * @param dispositionParameters Content-Disposition parameters as they stand
 * @param languages Content-Language values
 * @param location Content-Location, or null
 * @param md5 Content-MD5, or null
 * @param charset the decoded charset parameter, or null
 * @param fileName the decoded file name (RFC 2231 and encoded-words resolved), from the disposition or the
 *     Content-Type name parameter, or null
 */
public record ContentInfo(
        String type,
        String subtype,
        List<Parameter> parameters,
        String id,
        String description,
        String encoding,
        String disposition,
        List<Parameter> dispositionParameters,
        List<String> languages,
        String location,
        String md5,
        String charset,
        String fileName) {
    public ContentInfo {
        parameters = List.copyOf(parameters);
        dispositionParameters = List.copyOf(dispositionParameters);
        languages = List.copyOf(languages);
    }

    /** {@code type/subtype}. */
    public String mediaType() {
        return type + "/" + subtype;
    }
}
