/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of an Email as JMAP shows it (RFC 8621 §4.1.4): the EmailBodyPart tree, and the textBody, htmlBody and
 * attachments lists chosen from it.
 */
final class BodyStructure {
    static final Set<String> PART_PROPERTIES = Set.of(
            "partId",
            "blobId",
            "size",
            "name",
            "type",
            "charset",
            "disposition",
            "cid",
            "language",
            "location",
            "subParts");
    static final List<String> DEFAULT_PART_PROPERTIES = List.of(
            "partId", "blobId", "size", "name", "type", "charset", "disposition", "cid", "language", "location");

    /** The three lists of RFC 8621's parseStructure, leaves only. */
    record Lists(List<BodyPart> textBody, List<BodyPart> htmlBody, List<BodyPart> attachments) {}

    private BodyStructure() {}

    static ObjectNode part(EmailId email, BodyPart part, List<String> properties) {
        ContentInfo content = part.content();
        ObjectNode node = Json.object();
        boolean multipart = part instanceof BodyPart.Multipart;
        for (String property : properties) {
            switch (property) {
                case "partId" -> node.put("partId", multipart ? null : part.section());
                case "blobId" ->
                    node.put("blobId", multipart ? null : new BlobRef.PartRef(email, part.section()).jmapId());
                case "size" -> node.put("size", multipart ? 0 : decodedSize(part));
                case "name" -> node.put("name", content.fileName());
                case "type" -> node.put("type", content.mediaType());
                case "charset" -> node.put("charset", charset(content));
                case "disposition" -> node.put("disposition", content.disposition());
                case "cid" ->
                    node.put("cid", content.id() == null ? null : content.id().replaceAll("^<|>$", ""));
                case "language" ->
                    node.set("language", content.languages().isEmpty() ? null : Json.strings(content.languages()));
                case "location" -> node.put("location", content.location());
                case "subParts" -> {
                    if (part instanceof BodyPart.Multipart m) {
                        ArrayNode subParts = node.putArray("subParts");
                        m.parts().forEach(p -> subParts.add(part(email, p, properties)));
                    } else {
                        node.putNull("subParts");
                    }
                }
                default -> {}
            }
        }
        return node;
    }

    static ArrayNode parts(EmailId email, List<BodyPart> parts, List<String> properties) {
        ArrayNode array = Json.array();
        parts.forEach(p -> array.add(part(email, p, properties)));
        return array;
    }

    /** The charset of a text part, {@code us-ascii} by RFC 2046's default; null for other types. */
    static String charset(ContentInfo content) {
        if (content.charset() != null) {
            return content.charset();
        }
        return content.type().equals("text") ? "us-ascii" : null;
    }

    /** The size after transfer decoding, estimated from the encoded size without reading the part. */
    private static long decodedSize(BodyPart part) {
        long encoded = part.span().bodySize();
        return "base64".equals(part.content().encoding()) ? encoded * 3 / 4 * 76 / 78 : encoded;
    }

    /** RFC 8621 §4.1.4 parseStructure over the whole message. */
    static Lists lists(BodyPart body) {
        List<BodyPart> text = new ArrayList<>();
        List<BodyPart> html = new ArrayList<>();
        List<BodyPart> attachments = new ArrayList<>();
        parse(List.of(body), "mixed", false, html, text, attachments);
        return new Lists(text, html, attachments);
    }

    private static void parse(
            List<BodyPart> parts,
            String multipartType,
            boolean inAlternative,
            List<BodyPart> htmlBody,
            List<BodyPart> textBody,
            List<BodyPart> attachments) {
        int textLength = textBody == null ? -1 : textBody.size();
        int htmlLength = htmlBody == null ? -1 : htmlBody.size();
        for (int i = 0; i < parts.size(); i++) {
            BodyPart part = parts.get(i);
            ContentInfo content = part.content();
            String type = content.mediaType();
            boolean image = content.type().equals("image");
            boolean inline = !"attachment".equals(content.disposition())
                    && (type.equals("text/plain") || type.equals("text/html") || image)
                    && (i == 0 || (!multipartType.equals("related") && (image || content.fileName() == null)));
            if (part instanceof BodyPart.Multipart multipart) {
                String subType = content.subtype();
                parse(
                        multipart.parts(),
                        subType,
                        inAlternative || subType.equals("alternative"),
                        htmlBody,
                        textBody,
                        attachments);
            } else if (inline) {
                if (multipartType.equals("alternative")) {
                    switch (type) {
                        case "text/plain" -> textBody.add(part);
                        case "text/html" -> htmlBody.add(part);
                        default -> attachments.add(part);
                    }
                    continue;
                } else if (inAlternative) {
                    if (type.equals("text/plain")) {
                        htmlBody = null;
                    }
                    if (type.equals("text/html")) {
                        textBody = null;
                    }
                }
                if (textBody != null) {
                    textBody.add(part);
                }
                if (htmlBody != null) {
                    htmlBody.add(part);
                }
                if ((textBody == null || htmlBody == null) && isInlineMedia(content)) {
                    attachments.add(part);
                }
            } else {
                attachments.add(part);
            }
        }
        if (multipartType.equals("alternative") && textBody != null && htmlBody != null) {
            if (textLength == textBody.size() && htmlLength != htmlBody.size()) {
                textBody.addAll(List.copyOf(htmlBody.subList(htmlLength, htmlBody.size())));
            }
            if (htmlLength == htmlBody.size() && textLength != textBody.size()) {
                htmlBody.addAll(List.copyOf(textBody.subList(textLength, textBody.size())));
            }
        }
    }

    private static boolean isInlineMedia(ContentInfo content) {
        return switch (content.type()) {
            case "image", "audio", "video" -> true;
            default -> false;
        };
    }
}
