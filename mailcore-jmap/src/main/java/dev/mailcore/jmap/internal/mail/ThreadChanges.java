/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.ThreadId;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.ChangeLog;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Thread/changes} (RFC 8621 §3.2), derived from the email changes: a thread is created when its oldest email
 * was created in the window, destroyed when it has no email left, and updated otherwise.
 */
final class ThreadChanges implements JmapMethod {
    @Override
    public String name() {
        return "Thread/changes";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ChangeSet set = ChangeLog.read(args, invocation, account);
        Set<ThreadId> touched = new LinkedHashSet<>();
        Set<EmailId> created = new HashSet<>();
        for (Change change : set.changes()) {
            if (change instanceof Change.EmailChanged email) {
                touched.add(email.threadId());
                if (email.kind() == ChangeKind.CREATED) {
                    created.add(email.emailId());
                }
            }
        }
        ChangeLog.Fold fold = new ChangeLog.Fold();
        for (ThreadId thread : touched) {
            List<EmailId> emails;
            try {
                emails = invocation.store().messages().thread(account, thread);
            } catch (MailException e) {
                if (e.reason().temporary()) {
                    // A store that is down must not make the thread look gone.
                    throw e;
                }
                emails = List.of();
            }
            ChangeKind kind = emails.isEmpty()
                    ? ChangeKind.DESTROYED
                    : created.contains(emails.getFirst()) ? ChangeKind.CREATED : ChangeKind.UPDATED;
            fold.add(thread.value(), kind);
        }
        return fold.response(account, set.since(), set);
    }
}
