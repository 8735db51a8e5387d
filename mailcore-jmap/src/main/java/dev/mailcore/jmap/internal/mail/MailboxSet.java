/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.MailboxUpdate;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code Mailbox/set} (RFC 8621 §2.5): create, update and destroy in that order. */
final class MailboxSet implements JmapMethod {
    private static final Set<String> WRITABLE = Set.of("name", "parentId", "role", "sortOrder", "isSubscribed");
    private static final Set<String> SERVER_SET =
            Set.of("id", "totalEmails", "unreadEmails", "totalThreads", "unreadThreads", "myRights");

    @Override
    public String name() {
        return "Mailbox/set";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        SetArguments set = SetArguments.parse(args, invocation);
        boolean removeEmails = Json.optionalBoolean(args, "onDestroyRemoveEmails", false);
        ObjectNode response = SetArguments.response(account.value(), invocation.state());
        set.create().forEach((creationId, object) -> create(invocation, account, creationId, object, response));
        set.update().forEach((id, patch) -> update(invocation, account, id, patch, response));
        for (String id : set.destroy()) {
            try {
                invocation.store().mailboxes().delete(account, MailboxId.of(invocation.resolveId(id)), removeEmails);
                response.withArray("destroyed").add(id);
            } catch (MailException e) {
                SetArguments.record(response, "notDestroyed", id, SetErrors.of(e));
            }
        }
        SetArguments.finish(response, invocation.state());
        return response;
    }

    private static void create(
            Invocation invocation, AccountId account, String creationId, ObjectNode object, ObjectNode response) {
        try {
            MailboxUpdate update = parse(invocation, object, true);
            String name = update.name().orElse(null);
            if (name == null) {
                SetArguments.record(
                        response, "notCreated", creationId, SetErrors.invalidProperties("name is required", "name"));
                return;
            }
            MailboxId parent = update.parentId().flatMap(p -> p).orElse(null);
            MailboxRole role = update.role().flatMap(r -> r).orElse(null);
            Mailbox created = invocation.store().mailboxes().createChild(account, parent, name, role);
            MailboxUpdate rest = new MailboxUpdate(
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    update.sortOrder(),
                    update.subscribed());
            if (!rest.equals(MailboxUpdate.NONE)) {
                created = invocation.store().mailboxes().update(account, created.id(), rest);
            }
            invocation.createdIds().put(creationId, created.id().value());
            SetArguments.record(
                    response, "created", creationId, MailboxJson.of(invocation.store(), account, created, SERVER_SET));
        } catch (InvalidProperty e) {
            SetArguments.record(
                    response, "notCreated", creationId, SetErrors.invalidProperties(e.getMessage(), e.property));
        } catch (MailException e) {
            SetArguments.record(response, "notCreated", creationId, SetErrors.of(e));
        }
    }

    private static void update(
            Invocation invocation, AccountId account, String id, ObjectNode patch, ObjectNode response) {
        try {
            MailboxUpdate update = parse(invocation, patch, false);
            invocation.store().mailboxes().update(account, MailboxId.of(invocation.resolveId(id)), update);
            SetArguments.record(response, "updated", id, null);
        } catch (InvalidProperty e) {
            SetArguments.record(response, "notUpdated", id, SetErrors.invalidProperties(e.getMessage(), e.property));
        } catch (MailException e) {
            SetArguments.record(response, "notUpdated", id, SetErrors.of(e));
        }
    }

    private static MailboxUpdate parse(Invocation invocation, ObjectNode object, boolean creating) {
        MailboxUpdate update = MailboxUpdate.NONE;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String property = entry.getKey();
            JsonNode value = entry.getValue();
            if (!WRITABLE.contains(property)) {
                if (creating && SERVER_SET.contains(property) && !property.equals("id")) {
                    continue;
                }
                throw new InvalidProperty(property, "cannot set " + property);
            }
            update = switch (property) {
                case "name" -> {
                    if (!value.isString() || value.stringValue().isEmpty()) {
                        throw new InvalidProperty(property, "name must be a non-empty string");
                    }
                    yield update.withName(value.stringValue());
                }
                case "parentId" -> {
                    if (!value.isNull() && !value.isString()) {
                        throw new InvalidProperty(property, "parentId must be an id or null");
                    }
                    yield update.withParent(
                            value.isNull() ? null : MailboxId.of(invocation.resolveId(value.stringValue())));
                }
                case "role" -> {
                    if (value.isNull()) {
                        yield update.withRole(null);
                    }
                    MailboxRole role = value.isString()
                            ? MailboxRole.fromJmapName(value.stringValue()).orElse(null)
                            : null;
                    if (role == null) {
                        throw new InvalidProperty(property, "unknown role");
                    }
                    yield update.withRole(role);
                }
                case "sortOrder" -> {
                    if (!value.canConvertToInt() || value.intValue() < 0) {
                        throw new InvalidProperty(property, "sortOrder must be an unsigned integer");
                    }
                    yield update.withSortOrder(value.intValue());
                }
                default -> {
                    if (!value.isBoolean()) {
                        throw new InvalidProperty(property, "isSubscribed must be true or false");
                    }
                    yield update.withSubscribed(value.booleanValue());
                }
            };
        }
        return update;
    }

    /** One property of a create or update the client got wrong. */
    private static final class InvalidProperty extends RuntimeException {
        private final String property;

        InvalidProperty(String property, String message) {
            super(message);
            this.property = property;
        }
    }
}
