/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Invocation;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Builds the MIME message of an {@code Email/set} create (RFC 8621 §4.6) from its JSON: header properties, and either
 * {@code bodyStructure} or {@code textBody}/{@code htmlBody}/{@code attachments}, with text from {@code bodyValues}
 * and other bodies from blobs.
 */
final class EmailComposer {
    /** Properties the server sets itself; a client may not give them. */
    private static final Set<String> SERVER_SET =
            Set.of("id", "blobId", "threadId", "size", "hasAttachment", "preview", "headers");

    private static final Set<String> ADDRESS_PROPERTIES = Set.of("from", "to", "cc", "bcc", "replyTo", "sender");

    private static final Map<String, String> HEADER_NAMES =
            Map.of("from", "From", "to", "To", "cc", "Cc", "bcc", "Bcc", "replyTo", "Reply-To", "sender", "Sender");

    /** A blob the create names that the account does not have. */
    static final class BlobMissing extends RuntimeException {
        final String blobId;

        BlobMissing(String blobId) {
            super("no blob " + blobId);
            this.blobId = blobId;
        }
    }

    private final Invocation invocation;
    private final AccountId account;
    private final BlobReader blobs;
    private final Session session = Session.getInstance(sessionProperties());

    /** With mail.from set, making the first Message-ID does not look up the host's name. */
    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.from", "postmaster@localhost");
        return properties;
    }

    EmailComposer(Invocation invocation, AccountId account, BlobReader blobs) {
        this.invocation = invocation;
        this.account = account;
        this.blobs = blobs;
    }

    /** The message's octets. */
    byte[] compose(JsonNode email) {
        try {
            MimeMessage message = new MimeMessage(session);
            for (var entry : email.properties()) {
                String name = entry.getKey();
                if (SERVER_SET.contains(name)) {
                    throw new EmailPatch.Invalid(name, name + " is set by the server");
                }
            }
            headers(message, email);
            if (email.has("bodyStructure")) {
                if (email.has("textBody") || email.has("htmlBody") || email.has("attachments")) {
                    throw new EmailPatch.Invalid(
                            "bodyStructure", "bodyStructure excludes textBody, htmlBody and attachments");
                }
                fill(message, email.get("bodyStructure"), email.path("bodyValues"));
            } else {
                simpleBody(message, email);
            }
            message.setSentDate(new java.util.Date());
            if (email.hasNonNull("sentAt")) {
                message.setHeader("Date", sentAt(email.get("sentAt")));
            }
            message.saveChanges();
            // saveChanges makes a Message-ID from the host name; ours names the sender's domain instead.
            message.setHeader("Message-ID", messageId(email));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new EmailPatch.Invalid("bodyStructure", "cannot build the message: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void headers(MimeMessage message, JsonNode email) throws MessagingException {
        for (String property : ADDRESS_PROPERTIES) {
            JsonNode value = email.get(property);
            if (value != null && !value.isNull()) {
                message.setHeader(HEADER_NAMES.get(property), InternetAddress.toString(addresses(property, value)));
            }
        }
        JsonNode subject = email.get("subject");
        if (subject != null && !subject.isNull()) {
            if (!subject.isString()) {
                throw new EmailPatch.Invalid("subject", "subject is a string");
            }
            message.setSubject(subject.stringValue(), "UTF-8");
        }
        ids(message, email, "inReplyTo", "In-Reply-To");
        ids(message, email, "references", "References");
        JsonNode extra = email.get("headers");
        if (extra != null) {
            throw new EmailPatch.Invalid("headers", "use header:{name} properties");
        }
        for (var entry : email.properties()) {
            String name = entry.getKey();
            if (name.startsWith("header:")) {
                header(message, name, entry.getValue());
            }
        }
    }

    /** {@code header:Name} (raw) and {@code header:Name:asText}; other forms have their own properties. */
    private static void header(Part part, String property, JsonNode value) throws MessagingException {
        String[] pieces = property.split(":");
        String name = pieces[1];
        String form = pieces.length > 2 ? pieces[2] : "asRaw";
        if (name.equalsIgnoreCase("Content-Transfer-Encoding") || !value.isString()) {
            throw new EmailPatch.Invalid(property, "cannot set " + property);
        }
        String text = value.stringValue();
        switch (form) {
            case "asRaw" -> part.setHeader(name, text.strip());
            case "asText" -> part.setHeader(name, encode(text));
            default -> throw new EmailPatch.Invalid(property, "only the asRaw and asText forms can be set");
        }
    }

    private static String encode(String text) {
        try {
            return MimeUtility.fold(0, MimeUtility.encodeText(text, "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ids(MimeMessage message, JsonNode email, String property, String header)
            throws MessagingException {
        JsonNode value = email.get(property);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw new EmailPatch.Invalid(property, property + " is a list of message ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : value) {
            ids.add("<" + id.asString() + ">");
        }
        message.setHeader(header, String.join(" ", ids));
    }

    private static InternetAddress[] addresses(String property, JsonNode value) {
        if (!value.isArray()) {
            throw new EmailPatch.Invalid(property, property + " is a list of EmailAddress objects");
        }
        List<InternetAddress> result = new ArrayList<>();
        for (JsonNode address : value) {
            String email = address.path("email").asString("");
            if (email.isEmpty() || !email.contains("@")) {
                throw new EmailPatch.Invalid(property, "each address needs an email");
            }
            try {
                String name =
                        address.path("name").isString() ? address.get("name").stringValue() : null;
                InternetAddress parsed = new InternetAddress(email, name, "UTF-8");
                parsed.validate();
                result.add(parsed);
            } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
                throw new EmailPatch.Invalid(property, "not an address: " + email);
            }
        }
        return result.toArray(InternetAddress[]::new);
    }

    private static String sentAt(JsonNode value) {
        try {
            OffsetDateTime date = OffsetDateTime.parse(value.asString());
            return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(date);
        } catch (DateTimeParseException e) {
            throw new EmailPatch.Invalid("sentAt", "sentAt is a Date");
        }
    }

    private static String messageId(JsonNode email) {
        JsonNode given = email.get("messageId");
        if (given != null && !given.isNull()) {
            if (!given.isArray() || given.size() != 1) {
                throw new EmailPatch.Invalid("messageId", "messageId holds one id");
            }
            return "<" + given.get(0).asString() + ">";
        }
        String from = email.path("from").path(0).path("email").asString("");
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "localhost";
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** RFC 8621's shape without bodyStructure: alternative text and HTML, then mixed with the attachments. */
    private void simpleBody(MimeMessage message, JsonNode email) throws MessagingException {
        JsonNode values = email.path("bodyValues");
        JsonNode text = single(email, "textBody");
        JsonNode html = single(email, "htmlBody");
        List<MimeBodyPart> attachments = new ArrayList<>();
        JsonNode attachmentNodes = email.get("attachments");
        if (attachmentNodes != null && !attachmentNodes.isNull()) {
            for (JsonNode attachment : attachmentNodes) {
                MimeBodyPart part = new MimeBodyPart();
                fill(part, attachment, values);
                attachments.add(part);
            }
        }
        List<MimeBodyPart> texts = new ArrayList<>();
        for (JsonNode node : new JsonNode[] {text, html}) {
            if (node != null) {
                MimeBodyPart part = new MimeBodyPart();
                fill(part, node, values);
                texts.add(part);
            }
        }
        if (texts.isEmpty() && attachments.isEmpty()) {
            message.setText("", "UTF-8");
            return;
        }
        if (attachments.isEmpty() && texts.size() == 1) {
            copyInto(message, texts.getFirst());
            return;
        }
        MimeBodyPart main = null;
        if (texts.size() == 2) {
            main = new MimeBodyPart();
            main.setContent(multipart("alternative", texts));
        } else if (texts.size() == 1) {
            main = texts.getFirst();
        }
        List<MimeBodyPart> mixed = new ArrayList<>();
        if (main != null) {
            mixed.add(main);
        }
        mixed.addAll(attachments);
        message.setContent(multipart("mixed", mixed));
    }

    private static JsonNode single(JsonNode email, String property) {
        JsonNode node = email.get(property);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() != 1) {
            throw new EmailPatch.Invalid(property, property + " holds exactly one part");
        }
        return node.get(0);
    }

    private static Multipart multipart(String subtype, List<MimeBodyPart> parts) throws MessagingException {
        MimeMultipart multipart = new MimeMultipart(subtype);
        for (MimeBodyPart part : parts) {
            multipart.addBodyPart(part);
        }
        return multipart;
    }

    /** A message with a single part takes the part's content and content headers. */
    private static void copyInto(MimeMessage message, MimeBodyPart part) throws MessagingException {
        try {
            message.setDataHandler(part.getDataHandler());
            for (String name : List.of("Content-Type", "Content-Disposition", "Content-ID", "Content-Language")) {
                String[] values = part.getHeader(name);
                if (values != null) {
                    message.setHeader(name, values[0]);
                }
            }
        } catch (RuntimeException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }

    /** Fills a part (or the message) from an EmailBodyPart object. */
    private void fill(Part target, JsonNode part, JsonNode values) throws MessagingException {
        if (part == null || !part.isObject()) {
            throw new EmailPatch.Invalid("bodyStructure", "a body part is an object");
        }
        String type = part.path("type").asString("").toLowerCase(Locale.ROOT);
        for (var entry : part.properties()) {
            String name = entry.getKey();
            if (name.startsWith("header:")) {
                header(target, name, entry.getValue());
            } else if (name.equals("headers") || name.equals("size")) {
                throw new EmailPatch.Invalid("bodyStructure", name + " cannot be set on a body part");
            }
        }
        JsonNode subParts = part.get("subParts");
        if (subParts != null && !subParts.isNull()) {
            if (!type.startsWith("multipart/")) {
                throw new EmailPatch.Invalid("bodyStructure", "only multipart types have subParts");
            }
            List<MimeBodyPart> children = new ArrayList<>();
            for (JsonNode child : subParts) {
                MimeBodyPart body = new MimeBodyPart();
                fill(body, child, values);
                children.add(body);
            }
            target.setContent(multipart(type.substring("multipart/".length()), children));
            return;
        }
        String partId = part.path("partId").isString() ? part.get("partId").stringValue() : null;
        String blobId = part.path("blobId").isString() ? part.get("blobId").stringValue() : null;
        if ((partId == null) == (blobId == null)) {
            throw new EmailPatch.Invalid("bodyStructure", "a leaf part has either partId or blobId");
        }
        if (partId != null) {
            JsonNode value = values.get(partId);
            if (value == null || !value.path("value").isString()) {
                throw new EmailPatch.Invalid("bodyValues", "no body value for part " + partId);
            }
            if (value.path("isEncodingProblem").asBoolean(false)
                    || value.path("isTruncated").asBoolean(false)) {
                throw new EmailPatch.Invalid("bodyValues", "a body value to set cannot be truncated or broken");
            }
            if (type.isEmpty()) {
                type = "text/plain";
            }
            if (!type.startsWith("text/")) {
                throw new EmailPatch.Invalid("bodyStructure", "a part with partId is text");
            }
            String charset = part.path("charset").asString("utf-8");
            if (!charset.equalsIgnoreCase("utf-8")) {
                throw new EmailPatch.Invalid("bodyStructure", "text is written as UTF-8");
            }
            target.setText(value.get("value").stringValue());
            target.setHeader("Content-Type", type + "; charset=utf-8");
        } else {
            byte[] content = blob(blobId);
            target.setDataHandler(new DataHandler(
                    new ByteArrayDataSource(content, type.isEmpty() ? "application/octet-stream" : type)));
            target.setHeader("Content-Type", type.isEmpty() ? "application/octet-stream" : type);
        }
        String name = part.path("name").isString() ? part.get("name").stringValue() : null;
        String disposition =
                part.path("disposition").isString() ? part.get("disposition").stringValue() : null;
        if (disposition == null && name != null && blobId != null) {
            disposition = Part.ATTACHMENT;
        }
        if (disposition != null) {
            target.setDisposition(disposition);
        }
        if (name != null) {
            target.setFileName(name);
        }
        if (part.path("cid").isString()) {
            target.setHeader("Content-ID", "<" + part.get("cid").stringValue() + ">");
        }
        if (part.path("language").isArray()) {
            List<String> languages = new ArrayList<>();
            part.get("language").forEach(l -> languages.add(l.asString()));
            target.setHeader("Content-Language", String.join(", ", languages));
        }
        if (part.path("location").isString()) {
            target.setHeader("Content-Location", part.get("location").stringValue());
        }
    }

    private byte[] blob(String blobId) {
        String resolved = invocation.resolveId(blobId);
        Optional<InputStream> content = BlobRef.parse(resolved).flatMap(ref -> blobs.open(account, ref));
        if (content.isEmpty()) {
            throw new BlobMissing(blobId);
        }
        try (InputStream in = content.get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
