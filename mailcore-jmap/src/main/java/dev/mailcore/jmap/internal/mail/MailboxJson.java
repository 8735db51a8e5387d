/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxStatus;
import dev.mailcore.api.ThreadCounts;
import dev.mailcore.jmap.internal.Json;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** A Mailbox object (RFC 8621 §2). */
final class MailboxJson {
    static final Set<String> PROPERTIES = Set.of(
            "id",
            "name",
            "parentId",
            "role",
            "sortOrder",
            "totalEmails",
            "unreadEmails",
            "totalThreads",
            "unreadThreads",
            "myRights",
            "isSubscribed");

    private MailboxJson() {}

    static ObjectNode of(MailStore store, AccountId account, Mailbox mailbox, Set<String> properties) {
        ObjectNode node = Json.object();
        node.put("id", mailbox.id().value());
        if (properties.contains("name")) {
            node.put("name", mailbox.name());
        }
        if (properties.contains("parentId")) {
            node.put(
                    "parentId",
                    mailbox.parentId() == null ? null : mailbox.parentId().value());
        }
        if (properties.contains("role")) {
            node.put("role", mailbox.role() == null ? null : mailbox.role().jmapName());
        }
        if (properties.contains("sortOrder")) {
            node.put("sortOrder", mailbox.sortOrder());
        }
        if (properties.contains("totalEmails") || properties.contains("unreadEmails")) {
            MailboxStatus status = store.mailboxes().status(account, mailbox.id());
            putIf(node, properties, "totalEmails", status.messages());
            putIf(node, properties, "unreadEmails", status.unseen());
        }
        if (properties.contains("totalThreads") || properties.contains("unreadThreads")) {
            ThreadCounts threads = store.mailboxes().threadCounts(account, mailbox.id());
            putIf(node, properties, "totalThreads", threads.threads());
            putIf(node, properties, "unreadThreads", threads.unseenThreads());
        }
        if (properties.contains("myRights")) {
            ObjectNode rights = node.putObject("myRights");
            for (String right : new String[] {
                "mayReadItems", "mayAddItems", "mayRemoveItems", "maySetSeen", "maySetKeywords", "mayCreateChild"
            }) {
                rights.put(right, true);
            }
            rights.put("mayRename", !mailbox.isInbox());
            rights.put("mayDelete", !mailbox.isInbox());
            rights.put("maySubmit", true);
        }
        if (properties.contains("isSubscribed")) {
            node.put("isSubscribed", mailbox.subscribed());
        }
        return node;
    }

    private static void putIf(ObjectNode node, Set<String> properties, String name, long value) {
        if (properties.contains(name)) {
            node.put(name, value);
        }
    }
}
