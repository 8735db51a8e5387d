/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxId;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Email/set} (RFC 8621 §4.6): create from JSON (the MIME message is built here and stored like an import),
 * updates of keywords and mailboxes, and destroy.
 */
final class EmailSet implements JmapMethod {
    private final BlobReader blobs;

    EmailSet(BlobReader blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "Email/set";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        SetArguments set = SetArguments.parse(args, invocation);
        ObjectNode response = SetArguments.response(account.value(), invocation.state());
        set.create().forEach((id, email) -> create(invocation, account, id, email, response));
        set.update().forEach((id, patch) -> update(invocation, account, id, patch, response));
        destroy(invocation, account, set.destroy(), response);
        SetArguments.finish(response, invocation.state());
        return response;
    }

    private void create(Invocation invocation, AccountId account, String id, ObjectNode email, ObjectNode response) {
        try {
            List<MailboxId> mailboxes = new ArrayList<>(EmailPatch.mailboxSet(invocation, email.path("mailboxIds")));
            if (mailboxes.isEmpty()) {
                throw new EmailPatch.Invalid("mailboxIds", "an email goes into at least one mailbox");
            }
            Set<String> keywords = email.has("keywords") ? EmailPatch.keywordSet(email.get("keywords")) : Set.of();
            Instant receivedAt = EmailImport.receivedAt(email.get("receivedAt"));
            ObjectNode content = email.deepCopy();
            for (String property : List.of("mailboxIds", "keywords", "receivedAt")) {
                content.remove(property);
            }
            byte[] message = new EmailComposer(invocation, account, blobs).compose(content);
            ObjectNode created = EmailImport.store(
                    invocation, account, id, mailboxes, keywords, receivedAt, new ByteArrayInputStream(message));
            SetArguments.record(response, "created", id, created);
        } catch (EmailPatch.Invalid e) {
            SetArguments.record(response, "notCreated", id, SetErrors.invalidProperties(e.getMessage(), e.property));
        } catch (EmailComposer.BlobMissing e) {
            ObjectNode error = SetErrors.of("blobNotFound", e.getMessage());
            error.putArray("notFound").add(e.blobId);
            SetArguments.record(response, "notCreated", id, error);
        } catch (MailException e) {
            SetArguments.record(response, "notCreated", id, SetErrors.of(e));
        }
    }

    private static void update(
            Invocation invocation, AccountId account, String id, ObjectNode patch, ObjectNode response) {
        try {
            EmailId emailId = EmailId.of(invocation.resolveId(id));
            Email email = invocation
                    .store()
                    .messages()
                    .emails(account, List.of(emailId))
                    .get(emailId);
            if (email == null) {
                SetArguments.record(response, "notUpdated", id, SetErrors.of("notFound", null));
                return;
            }
            EmailPatch.Result result = EmailPatch.apply(invocation, email, patch);
            invocation
                    .store()
                    .messages()
                    .updateEmail(account, emailId, result.keywords(), result.addTo(), result.removeFrom());
            SetArguments.record(response, "updated", id, null);
        } catch (EmailPatch.Invalid e) {
            SetArguments.record(response, "notUpdated", id, SetErrors.invalidProperties(e.getMessage(), e.property));
        } catch (MailException e) {
            SetArguments.record(response, "notUpdated", id, SetErrors.of(e));
        }
    }

    private static void destroy(Invocation invocation, AccountId account, List<String> ids, ObjectNode response) {
        Map<EmailId, String> wanted = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String id : ids) {
            try {
                wanted.put(EmailId.of(invocation.resolveId(id)), id);
            } catch (MailException e) {
                invalid.add(id);
            }
        }
        Set<EmailId> destroyed =
                wanted.isEmpty() ? Set.of() : invocation.store().messages().destroy(account, wanted.keySet());
        wanted.forEach((emailId, id) -> {
            if (destroyed.contains(emailId)) {
                response.withArray("destroyed").add(id);
            } else {
                SetArguments.record(response, "notDestroyed", id, SetErrors.of("notFound", null));
            }
        });
        invalid.forEach(id -> SetArguments.record(response, "notDestroyed", id, SetErrors.of("notFound", null)));
    }
}
