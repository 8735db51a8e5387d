/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Email;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the asked-for properties of one Email object (RFC 8621 §4.1). */
final class EmailJson {
    static final List<String> DEFAULT_PROPERTIES = List.of(
            "id",
            "blobId",
            "threadId",
            "mailboxIds",
            "keywords",
            "size",
            "receivedAt",
            "messageId",
            "inReplyTo",
            "references",
            "sender",
            "from",
            "to",
            "cc",
            "bcc",
            "replyTo",
            "subject",
            "sentAt",
            "hasAttachment",
            "preview",
            "bodyValues",
            "textBody",
            "htmlBody",
            "attachments");
    static final Set<String> KNOWN = known();

    private static Set<String> known() {
        Set<String> known = new LinkedHashSet<>(DEFAULT_PROPERTIES);
        known.add("bodyStructure");
        known.add("headers");
        return Set.copyOf(known);
    }

    /** The Email/get arguments that shape body output. */
    record BodyOptions(
            List<String> bodyProperties, boolean fetchText, boolean fetchHtml, boolean fetchAll, long maxBytes) {}

    private final Invocation invocation;
    private final BlobReader blobs;

    EmailJson(Invocation invocation, BlobReader blobs) {
        this.invocation = invocation;
        this.blobs = blobs;
    }

    ObjectNode write(Email email, List<String> properties, BodyOptions options) {
        AccountId account = invocation.account().id();
        MessageSummary summary = email.summary();
        ObjectNode node = Json.object();
        BodyStructure.Lists lists = null;
        List<HeaderBlock.Field> headers = null;
        for (String property : properties) {
            if (property.startsWith("header:")) {
                if (headers == null) {
                    headers = HeaderBlock.read(invocation.store(), account, email.id(), summary.headerSize());
                }
                node.set(property, HeaderForms.value(headers, property));
                continue;
            }
            switch (property) {
                case "id" -> node.put("id", email.id().value());
                case "blobId" -> node.put("blobId", new BlobRef.EmailRef(email.id()).jmapId());
                case "threadId" -> node.put("threadId", email.threadId().value());
                case "mailboxIds" -> {
                    ObjectNode ids = node.putObject("mailboxIds");
                    email.mailboxUids().keySet().stream()
                            .map(MailboxId::value)
                            .sorted()
                            .forEach(id -> ids.put(id, true));
                }
                case "keywords" -> {
                    ObjectNode keywords = node.putObject("keywords");
                    email.keywords().stream().sorted().forEach(k -> keywords.put(k, true));
                }
                case "size" -> node.put("size", email.size());
                case "receivedAt" -> node.put("receivedAt", utc(email.receivedAt()));
                case "messageId" ->
                    node.set(
                            "messageId",
                            summary.messageId() == null ? null : Json.strings(List.of(summary.messageId())));
                case "inReplyTo" -> node.set("inReplyTo", orNull(summary.inReplyTo()));
                case "references" -> node.set("references", orNull(summary.references()));
                case "sender" -> node.set("sender", addresses(summary.sender()));
                case "from" -> node.set("from", addresses(summary.from()));
                case "to" -> node.set("to", addresses(summary.to()));
                case "cc" -> node.set("cc", addresses(summary.cc()));
                case "bcc" -> node.set("bcc", addresses(summary.bcc()));
                case "replyTo" -> node.set("replyTo", addresses(summary.replyTo()));
                case "subject" -> node.put("subject", summary.subject());
                case "sentAt" -> node.put("sentAt", sentAt(summary));
                case "hasAttachment" -> node.put("hasAttachment", summary.hasAttachment());
                case "preview" -> node.put("preview", summary.preview() == null ? "" : summary.preview());
                case "headers" -> {
                    if (headers == null) {
                        headers = HeaderBlock.read(invocation.store(), account, email.id(), summary.headerSize());
                    }
                    ArrayNode all = node.putArray("headers");
                    headers.forEach(h -> all.addObject().put("name", h.name()).put("value", h.rawValue()));
                }
                case "bodyStructure" ->
                    node.set("bodyStructure", BodyStructure.part(email.id(), summary.body(), withSubParts(options)));
                case "textBody", "htmlBody", "attachments", "bodyValues" -> {
                    if (lists == null) {
                        lists = BodyStructure.lists(summary.body());
                    }
                    node.set(property, body(property, email, lists, options));
                }
                default -> {}
            }
        }
        return node;
    }

    private JsonNode body(String property, Email email, BodyStructure.Lists lists, BodyOptions options) {
        return switch (property) {
            case "textBody" -> BodyStructure.parts(email.id(), lists.textBody(), options.bodyProperties());
            case "htmlBody" -> BodyStructure.parts(email.id(), lists.htmlBody(), options.bodyProperties());
            case "attachments" -> BodyStructure.parts(email.id(), lists.attachments(), options.bodyProperties());
            default -> {
                List<BodyPart> wanted = new ArrayList<>();
                if (options.fetchText() || options.fetchAll()) {
                    wanted.addAll(lists.textBody());
                }
                if (options.fetchHtml() || options.fetchAll()) {
                    wanted.addAll(lists.htmlBody());
                }
                yield BodyValues.of(blobs, invocation.account().id(), email.id(), wanted, options.maxBytes());
            }
        };
    }

    private static List<String> withSubParts(BodyOptions options) {
        List<String> properties = new ArrayList<>(options.bodyProperties());
        if (!properties.contains("subParts")) {
            properties.add("subParts");
        }
        return properties;
    }

    /** The Date header with its own offset; UTC when only the parsed instant is known. */
    private static String sentAt(MessageSummary summary) {
        if (summary.sentAt() == null) {
            return null;
        }
        return MessageDates.parse(summary.envelope().date())
                .map(MessageDates::format)
                .orElseGet(() -> utc(summary.sentAt()));
    }

    static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static JsonNode orNull(List<String> values) {
        return values.isEmpty() ? null : Json.strings(values);
    }

    /** EmailAddress objects with groups flattened, as the property forms without a header: prefix show them. */
    static JsonNode addresses(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        ArrayNode array = Json.array();
        for (Address address : addresses) {
            switch (address) {
                case EmailAddress one -> add(array, one);
                case AddressGroup group -> group.members().forEach(m -> add(array, m));
            }
        }
        return array;
    }

    private static void add(ArrayNode array, EmailAddress address) {
        array.addObject().put("name", address.name()).put("email", address.address());
    }
}
