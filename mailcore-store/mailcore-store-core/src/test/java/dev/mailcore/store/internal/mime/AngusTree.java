/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The structure Angus Mail sees in a message, as a small tree to compare ours with: media type, children, the raw
 * body stream of each part. A subtree Angus cannot parse (it throws, or cannot read the Content-Type) is marked
 * {@code failed}.
 */
record AngusTree(String mediaType, List<AngusTree> children, Part part, boolean failed) {
    static AngusTree of(Part part) {
        String type;
        try {
            type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return new AngusTree("unparseable", List.of(), part, true);
        }
        try {
            if (type.startsWith("multipart/")) {
                Multipart multipart = (Multipart) part.getContent();
                List<AngusTree> children = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    children.add(of(multipart.getBodyPart(i)));
                }
                return new AngusTree(type, children, part, false);
            }
            if (type.equals("message/rfc822") || type.equals("message/global")) {
                Object content = part.getContent();
                if (content instanceof MimeMessage inner) {
                    return new AngusTree(type, List.of(of(inner)), part, false);
                }
                return new AngusTree(type, List.of(), part, true);
            }
            return new AngusTree(type, List.of(), part, false);
        } catch (Exception e) {
            return new AngusTree(type, List.of(), part, true);
        }
    }

    /** The part's body as it stands (transfer encoding not undone). */
    InputStream rawBody() throws Exception {
        return part instanceof MimeMessage m ? m.getRawInputStream() : ((MimeBodyPart) part).getRawInputStream();
    }

    byte[] rawBytes() throws Exception {
        try (InputStream in = rawBody()) {
            return in.readAllBytes();
        }
    }
}
