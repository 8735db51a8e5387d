/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxId;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code Email/import} (RFC 8621 §4.8): stores uploaded messages in mailboxes. */
final class EmailImport implements JmapMethod {
    private final BlobReader blobs;

    EmailImport(BlobReader blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "Email/import";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        SetArguments.requireState(args, invocation.state());
        ObjectNode emails = Json.optionalObject(args, "emails");
        if (emails == null) {
            throw MethodError.invalidArguments("emails is required");
        }
        if (emails.size() > invocation.limits().maxObjectsInSet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInSet() + " emails in one import");
        }
        ObjectNode response = SetArguments.response(account.value(), invocation.state());
        for (Map.Entry<String, JsonNode> entry : emails.properties()) {
            importOne(invocation, account, entry.getKey(), entry.getValue(), response);
        }
        response.put("newState", invocation.state());
        if (!response.has("created")) {
            response.putNull("created");
        }
        if (!response.has("notCreated")) {
            response.putNull("notCreated");
        }
        return response;
    }

    private void importOne(
            Invocation invocation, AccountId account, String creationId, JsonNode spec, ObjectNode response) {
        try {
            if (!spec.isObject()) {
                throw new EmailPatch.Invalid("emails", "each import is an object");
            }
            List<MailboxId> mailboxes = new ArrayList<>(EmailPatch.mailboxSet(invocation, spec.path("mailboxIds")));
            if (mailboxes.isEmpty()) {
                throw new EmailPatch.Invalid("mailboxIds", "an email goes into at least one mailbox");
            }
            Set<String> keywords = spec.has("keywords") ? EmailPatch.keywordSet(spec.get("keywords")) : Set.of();
            Instant receivedAt = receivedAt(spec.get("receivedAt"));
            Optional<InputStream> content = BlobRef.parse(
                            invocation.resolveId(spec.path("blobId").asString("")))
                    .flatMap(ref -> blobs.open(account, ref));
            if (content.isEmpty()) {
                SetArguments.record(response, "notCreated", creationId, SetErrors.of("blobNotFound", null));
                return;
            }
            ObjectNode created;
            try (InputStream in = content.get()) {
                created = store(invocation, account, creationId, mailboxes, keywords, receivedAt, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SetArguments.record(response, "created", creationId, created);
        } catch (EmailPatch.Invalid e) {
            SetArguments.record(
                    response, "notCreated", creationId, SetErrors.invalidProperties(e.getMessage(), e.property));
        } catch (MailException e) {
            SetArguments.record(response, "notCreated", creationId, SetErrors.of(e));
        }
    }

    /**
     * Appends a message to the first mailbox, adds it to the others, records the creation id and answers the
     * created email's {@code id}, {@code blobId}, {@code threadId} and {@code size}.
     */
    static ObjectNode store(
            Invocation invocation,
            AccountId account,
            String creationId,
            List<MailboxId> mailboxes,
            Set<String> keywords,
            Instant receivedAt,
            InputStream content) {
        AppendResult result = invocation
                .store()
                .messages()
                .append(account, mailboxes.getFirst(), new AppendRequest(content, keywords, receivedAt));
        if (mailboxes.size() > 1) {
            invocation
                    .store()
                    .messages()
                    .updateEmail(
                            account,
                            result.emailId(),
                            null,
                            Set.copyOf(mailboxes.subList(1, mailboxes.size())),
                            Set.of());
        }
        invocation.createdIds().put(creationId, result.emailId().value());
        return Json.object()
                .put("id", result.emailId().value())
                .put("blobId", new BlobRef.EmailRef(result.emailId()).jmapId())
                .put("threadId", result.threadId().value())
                .put("size", result.size());
    }

    static Instant receivedAt(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new EmailPatch.Invalid("receivedAt", "receivedAt is a UTCDate");
        }
    }
}
