/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.jmap.internal.JmapMethod;
import java.util.List;

/** The Mailbox methods of RFC 8621 §2. */
public final class MailboxMethods {
    private MailboxMethods() {}

    public static List<JmapMethod> all() {
        return List.of(
                new MailboxGet(),
                new MailboxChanges(),
                new MailboxQuery(),
                new MailboxQueryChanges(),
                new MailboxSet());
    }
}
