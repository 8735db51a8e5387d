/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition header of a download (RFC 6266, with an RFC 8187 {@code filename*} for any name). */
final class ContentDisposition {
    private ContentDisposition() {}

    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
