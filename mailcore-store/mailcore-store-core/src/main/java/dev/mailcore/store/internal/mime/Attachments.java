/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.Attachment;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ContentInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which parts a mail client shows as attachments:
 *
 * <ul>
 *   <li>every part with disposition {@code attachment};
 *   <li>an encapsulated message (a forwarded mail), as one attachment: its own parts are not listed;
 *   <li>a text part only when it has a file name and is not marked {@code inline};
 *   <li>any other leaf (image, application, audio, ...) unless it is displayed inline: an image marked
 *       {@code inline}, or an image with a Content-ID inside multipart/related (an HTML body's picture).
 * </ul>
 */
final class Attachments {
    private Attachments() {}

    static List<Attachment> of(BodyPart root) {
        List<Attachment> out = new ArrayList<>();
        walk(root, false, out);
        return out;
    }

    private static void walk(BodyPart part, boolean inRelated, List<Attachment> out) {
        ContentInfo info = part.content();
        switch (part) {
            case BodyPart.Multipart m -> {
                boolean related = info.subtype().equals("related");
                m.parts().forEach(child -> walk(child, related, out));
            }
            case BodyPart.Message m -> {
                if (!"inline".equals(info.disposition()) || info.fileName() != null) {
                    out.add(attachment(m));
                } else {
                    walk(m.body(), false, out);
                }
            }
            case BodyPart.Single s -> {
                if (isAttachment(info, inRelated)) {
                    out.add(attachment(s));
                }
            }
        }
    }

    private static boolean isAttachment(ContentInfo info, boolean inRelated) {
        if ("attachment".equals(info.disposition())) {
            return true;
        }
        boolean inline = "inline".equals(info.disposition());
        if (info.type().equals("text")) {
            return info.fileName() != null && !inline;
        }
        if (info.type().equals("image") && (inline || (inRelated && info.id() != null))) {
            return false;
        }
        return true;
    }

    private static Attachment attachment(BodyPart part) {
        ContentInfo info = part.content();
        return new Attachment(
                part.section(), info.fileName(), info.mediaType(), part.span().bodySize());
    }
}
