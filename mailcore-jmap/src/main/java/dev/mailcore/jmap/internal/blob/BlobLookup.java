/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.blob;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Blob/lookup} (RFC 9404 §4.3): which emails, threads and mailboxes a blob belongs to. An email's blob and the
 * blobs of its parts belong to the email, its thread and its mailboxes; an upload not yet imported belongs to none.
 */
final class BlobLookup implements JmapMethod {
    @Override
    public String name() {
        return "Blob/lookup";
    }

    @Override
    public String capability() {
        return Capabilities.BLOB;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        List<String> typeNames = strings(args, "typeNames");
        for (String type : typeNames) {
            if (!BlobMethods.TYPE_NAMES.contains(type)) {
                throw new MethodError("unknownDataType", "Blob/lookup knows " + BlobMethods.TYPE_NAMES);
            }
        }
        List<String> ids = strings(args, "ids");
        if (ids.size() > invocation.limits().maxObjectsInGet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInGet() + " ids in one call");
        }
        ObjectNode response = Json.object().put("accountId", account.value());
        ArrayNode list = response.putArray("list");
        ArrayNode notFound = Json.array();
        for (String id : ids) {
            String resolved = BlobMethods.resolve(invocation, id);
            Optional<Holders> holders = resolved == null ? Optional.empty() : holders(account, resolved, invocation);
            if (holders.isEmpty()) {
                notFound.add(id);
                continue;
            }
            ObjectNode entry = list.addObject().put("id", resolved);
            ObjectNode matched = entry.putObject("matchedIds");
            for (String type : typeNames) {
                matched.set(type, Json.strings(holders.get().of(type)));
            }
        }
        response.set("notFound", notFound);
        return response;
    }

    /** What holds the blob, or empty when the account has no such blob. */
    private static Optional<Holders> holders(AccountId account, String id, Invocation invocation) {
        Optional<BlobRef> ref = BlobRef.parse(id);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        EmailId emailId;
        switch (ref.get()) {
            case BlobRef.UploadRef upload -> {
                return invocation.uploads().get(account, upload.hash()).map(u -> Holders.NONE);
            }
            case BlobRef.EmailRef email -> emailId = email.email();
            case BlobRef.PartRef part -> emailId = part.email();
        }
        Map<EmailId, Email> emails = invocation.store().messages().emails(account, List.of(emailId));
        Email email = emails.get(emailId);
        if (email == null) {
            return Optional.empty();
        }
        List<String> mailboxes = email.mailboxUids().keySet().stream()
                .map(MailboxId::value)
                .sorted()
                .toList();
        return Optional.of(new Holders(
                List.of(email.id().value()), List.of(email.threadId().value()), mailboxes));
    }

    private static List<String> strings(ObjectNode args, String name) {
        ArrayNode array = Json.optionalArray(args, name);
        if (array == null) {
            throw MethodError.invalidArguments(name + " is required");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.isString()) {
                throw MethodError.invalidArguments(name + " holds strings");
            }
            values.add(node.stringValue());
        }
        return values;
    }

    private record Holders(List<String> emails, List<String> threads, List<String> mailboxes) {
        static final Holders NONE = new Holders(List.of(), List.of(), List.of());

        List<String> of(String type) {
            return switch (type) {
                case "Email" -> emails;
                case "Thread" -> threads;
                default -> mailboxes;
            };
        }
    }
}
