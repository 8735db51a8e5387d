/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.Email;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxId;
import dev.mailcore.jmap.internal.Invocation;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Email/set update (RFC 8621 §4.6): {@code keywords} and {@code mailboxIds}, whole or by patch paths such as
 * {@code keywords/$seen}, applied to the email's current values.
 */
final class EmailPatch {
    /** The outcome: the keywords to store (null when unchanged) and the mailbox moves. */
    record Result(Set<String> keywords, Set<MailboxId> addTo, Set<MailboxId> removeFrom) {}

    /** A property of the patch the client got wrong. */
    static final class Invalid extends RuntimeException {
        final String property;

        Invalid(String property, String message) {
            super(message);
            this.property = property;
        }
    }

    private EmailPatch() {}

    static Result apply(Invocation invocation, Email email, ObjectNode patch) {
        Set<String> keywords = null;
        Set<MailboxId> mailboxes = new HashSet<>(email.mailboxUids().keySet());
        boolean mailboxesChanged = false;
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String path = entry.getKey();
            JsonNode value = entry.getValue();
            if (path.equals("keywords")) {
                keywords = keywordSet(value);
            } else if (path.startsWith("keywords/")) {
                if (keywords == null) {
                    keywords = new HashSet<>(email.keywords());
                }
                String keyword = keyword(path, path.substring("keywords/".length()));
                if (isTrue(value)) {
                    keywords.add(keyword);
                } else if (value.isNull()) {
                    keywords.remove(keyword);
                } else {
                    throw new Invalid(path, "a keyword patch is true or null");
                }
            } else if (path.equals("mailboxIds")) {
                mailboxes = mailboxSet(invocation, value);
                mailboxesChanged = true;
            } else if (path.startsWith("mailboxIds/")) {
                MailboxId id = mailboxId(invocation, path, path.substring("mailboxIds/".length()));
                if (isTrue(value)) {
                    mailboxes.add(id);
                } else if (value.isNull()) {
                    mailboxes.remove(id);
                } else {
                    throw new Invalid(path, "a mailbox patch is true or null");
                }
                mailboxesChanged = true;
            } else {
                throw new Invalid(path, "cannot change " + path);
            }
        }
        if (mailboxesChanged && mailboxes.isEmpty()) {
            throw new Invalid("mailboxIds", "an email stays in at least one mailbox");
        }
        Set<MailboxId> addTo = new HashSet<>(mailboxes);
        addTo.removeAll(email.mailboxUids().keySet());
        Set<MailboxId> removeFrom = new HashSet<>(email.mailboxUids().keySet());
        removeFrom.removeAll(mailboxes);
        return new Result(keywords, addTo, removeFrom);
    }

    static Set<String> keywordSet(JsonNode value) {
        if (!value.isObject()) {
            throw new Invalid("keywords", "keywords is an object of keyword: true");
        }
        Set<String> keywords = new HashSet<>();
        for (Map.Entry<String, JsonNode> keyword : value.properties()) {
            if (!isTrue(keyword.getValue())) {
                throw new Invalid("keywords", "keyword values are true");
            }
            keywords.add(keyword("keywords", keyword.getKey()));
        }
        return keywords;
    }

    static Set<MailboxId> mailboxSet(Invocation invocation, JsonNode value) {
        if (!value.isObject()) {
            throw new Invalid("mailboxIds", "mailboxIds is an object of id: true");
        }
        Set<MailboxId> mailboxes = new HashSet<>();
        for (Map.Entry<String, JsonNode> mailbox : value.properties()) {
            if (!isTrue(mailbox.getValue())) {
                throw new Invalid("mailboxIds", "mailboxIds values are true");
            }
            mailboxes.add(mailboxId(invocation, "mailboxIds", mailbox.getKey()));
        }
        return mailboxes;
    }

    private static String keyword(String property, String keyword) {
        try {
            return Keywords.normalize(keyword);
        } catch (MailException e) {
            throw new Invalid(property, e.getMessage());
        }
    }

    private static MailboxId mailboxId(Invocation invocation, String property, String id) {
        try {
            return MailboxId.of(invocation.resolveId(id.replace("~1", "/").replace("~0", "~")));
        } catch (MailException e) {
            throw new Invalid(property, e.getMessage());
        }
    }

    private static boolean isTrue(JsonNode value) {
        return value.isBoolean() && value.booleanValue();
    }
}
