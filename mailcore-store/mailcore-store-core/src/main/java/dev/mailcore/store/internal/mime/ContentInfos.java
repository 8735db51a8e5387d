/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.ContentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the {@link ContentInfo} of an entity from its header. */
final class ContentInfos {
    static final String TEXT_PLAIN = "text/plain";
    static final String MESSAGE_RFC822 = "message/rfc822";

    private ContentInfos() {}

    /**
     * @param defaultType the media type when Content-Type is absent or unusable: {@code text/plain}, or
     *     {@code message/rfc822} inside multipart/digest (RFC 2046 §5.1.5)
     */
    static ContentInfo of(HeaderBlock header, String defaultType) {
        HeaderParameters type = HeaderParameters.parse(header.first("Content-Type"));
        String[] media = mediaType(type.value(), defaultType);
        HeaderParameters disposition = HeaderParameters.parse(header.first("Content-Disposition"));
        String dispositionType =
                disposition.value() == null || disposition.value().isEmpty()
                        ? null
                        : disposition.value().toLowerCase(Locale.ROOT);
        String fileName = disposition.decoded("filename");
        if (fileName == null || fileName.isBlank()) {
            fileName = type.decoded("name");
        }
        String charset = type.decoded("charset");
        return new ContentInfo(
                media[0],
                media[1],
                type.parameters(),
                emptyToNull(header.first("Content-ID")),
                emptyToNull(header.first("Content-Description")),
                encoding(header.first("Content-Transfer-Encoding")),
                dispositionType,
                disposition.parameters(),
                languages(header.first("Content-Language")),
                emptyToNull(header.first("Content-Location")),
                emptyToNull(header.first("Content-MD5")),
                charset == null ? null : charset.strip(),
                fileName == null || fileName.isBlank() ? null : fileName.strip());
    }

    /** The same content seen as plain text: what a container that cannot be parsed is reported as. */
    static ContentInfo asLeaf(ContentInfo info, String mediaType) {
        int slash = mediaType.indexOf('/');
        return new ContentInfo(
                mediaType.substring(0, slash),
                mediaType.substring(slash + 1),
                List.of(),
                info.id(),
                info.description(),
                info.encoding(),
                info.disposition(),
                info.dispositionParameters(),
                info.languages(),
                info.location(),
                info.md5(),
                null,
                info.fileName());
    }

    private static String[] mediaType(String value, String defaultType) {
        String fallback = defaultType;
        if (value != null) {
            int slash = value.indexOf('/');
            if (slash > 0) {
                String type = value.substring(0, slash).strip().toLowerCase(Locale.ROOT);
                String subtype = value.substring(slash + 1).strip().toLowerCase(Locale.ROOT);
                int space = indexOfSpace(subtype);
                if (space >= 0) {
                    subtype = subtype.substring(0, space);
                }
                if (isToken(type) && isToken(subtype)) {
                    return new String[] {type, subtype};
                }
            }
        }
        int slash = fallback.indexOf('/');
        return new String[] {fallback.substring(0, slash), fallback.substring(slash + 1)};
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty() || s.length() > 127) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String encoding(String value) {
        if (value == null) {
            return "7bit";
        }
        String v = value.strip();
        int comment = v.indexOf('(');
        if (comment >= 0) {
            v = v.substring(0, comment).strip();
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v.isEmpty() ? "7bit" : v.toLowerCase(Locale.ROOT);
    }

    private static List<String> languages(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String piece : value.split(",", 100)) {
            String language = piece.strip();
            if (!language.isEmpty()) {
                out.add(language);
            }
        }
        return out;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
