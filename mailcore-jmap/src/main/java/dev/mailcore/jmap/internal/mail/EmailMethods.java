/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.JmapMethod;
import java.util.List;

/** The Email methods of RFC 8621 §4. */
public final class EmailMethods {
    private EmailMethods() {}

    public static List<JmapMethod> all(BlobReader blobs) {
        return List.of(
                new EmailGet(blobs),
                new EmailChanges(),
                new EmailQuery(),
                new EmailQueryChanges(),
                new EmailSet(blobs),
                new EmailImport(blobs),
                new EmailCopy(),
                new EmailParse(blobs),
                new SearchSnippetGet());
    }
}
