/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Email/parse} (RFC 8621 §4.9): reads a blob holding a message with Jakarta Mail and answers its header
 * properties, {@code size}, {@code hasAttachment} and {@code preview}, without storing it.
 */
final class EmailParse implements JmapMethod {
    static final List<String> PROPERTIES = List.of(
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
            "size");

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final int PREVIEW_LENGTH = 256;

    private final BlobReader blobs;
    private final Session session = Session.getInstance(new Properties());

    EmailParse(BlobReader blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "Email/parse";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ArrayNode ids = Json.optionalArray(args, "blobIds");
        if (ids == null) {
            throw MethodError.invalidArguments("blobIds is required");
        }
        if (ids.size() > invocation.limits().maxObjectsInGet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInGet() + " blobs in one parse");
        }
        List<String> properties = properties(Json.optionalArray(args, "properties"));
        ObjectNode response = Json.object().put("accountId", account.value());
        ObjectNode parsed = Json.object();
        List<String> notParsable = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (JsonNode idNode : ids) {
            String id = idNode.asString("");
            Optional<InputStream> content =
                    BlobRef.parse(invocation.resolveId(id)).flatMap(ref -> blobs.open(account, ref));
            if (content.isEmpty()) {
                notFound.add(id);
                continue;
            }
            try (InputStream in = content.get()) {
                byte[] bytes = in.readAllBytes();
                parsed.set(id, parse(bytes, properties));
            } catch (MessagingException | RuntimeException e) {
                notParsable.add(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        response.set("parsed", parsed.isEmpty() ? null : parsed);
        response.set("notParsable", notParsable.isEmpty() ? null : Json.strings(notParsable));
        response.set("notFound", notFound.isEmpty() ? null : Json.strings(notFound));
        return response;
    }

    private static List<String> properties(ArrayNode node) {
        if (node == null) {
            return PROPERTIES;
        }
        List<String> result = new ArrayList<>();
        for (JsonNode property : node) {
            if (!PROPERTIES.contains(property.asString(""))) {
                throw MethodError.invalidArguments("Email/parse does not offer " + property.asString(""));
            }
            result.add(property.asString());
        }
        return result;
    }

    private ObjectNode parse(byte[] bytes, List<String> properties) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(bytes));
        ObjectNode email = Json.object();
        for (String property : properties) {
            switch (property) {
                case "messageId" -> email.set(property, ids(message.getHeader("Message-ID", " ")));
                case "inReplyTo" -> email.set(property, ids(message.getHeader("In-Reply-To", " ")));
                case "references" -> email.set(property, ids(message.getHeader("References", " ")));
                case "sender" -> email.set(property, addresses(message, "Sender"));
                case "from" -> email.set(property, addresses(message, "From"));
                case "to" -> email.set(property, addresses(message, "To"));
                case "cc" -> email.set(property, addresses(message, "Cc"));
                case "bcc" -> email.set(property, addresses(message, "Bcc"));
                case "replyTo" -> email.set(property, addresses(message, "Reply-To"));
                case "subject" -> email.put(property, message.getSubject());
                case "sentAt" -> email.put(property, sentAt(message.getHeader("Date", null)));
                case "hasAttachment" -> email.put(property, hasAttachment(message));
                case "preview" -> email.put(property, preview(message));
                case "size" -> email.put(property, bytes.length);
                default -> throw new IllegalStateException(property);
            }
        }
        return email;
    }

    private static JsonNode ids(String header) {
        if (header == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids.isEmpty() ? null : Json.strings(ids);
    }

    private static JsonNode addresses(MimeMessage message, String header) throws MessagingException {
        String value = message.getHeader(header, ",");
        if (value == null) {
            return null;
        }
        ArrayNode list = Json.array();
        for (Address address : InternetAddress.parseHeader(value, false)) {
            if (address instanceof InternetAddress internet) {
                ObjectNode node = list.addObject();
                node.put("name", internet.getPersonal());
                node.put("email", internet.getAddress());
            }
        }
        return list;
    }

    private static String sentAt(String date) {
        if (date == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(date).toInstant().toString();
        } catch (ParseException e) {
            return null;
        }
    }

    private static boolean hasAttachment(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (hasAttachment(multipart.getBodyPart(i))) {
                    return true;
                }
            }
            return false;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static String preview(Part part) throws MessagingException, IOException {
        String text = firstText(part);
        if (text == null) {
            return "";
        }
        String collapsed = text.replaceAll("\\s+", " ").strip();
        return collapsed.length() <= PREVIEW_LENGTH ? collapsed : collapsed.substring(0, PREVIEW_LENGTH);
    }

    private static String firstText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent() instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = firstText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
