/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.jmap.internal.mail.EmailMethods;
import dev.mailcore.jmap.internal.mail.MailboxMethods;
import dev.mailcore.jmap.internal.mail.ThreadMethods;
import java.util.ArrayList;
import java.util.List;

/** Every method the server offers. */
public final class Methods {
    private Methods() {}

    public static List<JmapMethod> standard(MailStore store, Uploads uploads) {
        List<JmapMethod> methods = new ArrayList<>();
        methods.add(new CoreEcho());
        methods.addAll(MailboxMethods.all());
        methods.addAll(ThreadMethods.all());
        methods.addAll(EmailMethods.all(new BlobReader(store, uploads)));
        methods.add(new QueryChanges("Mailbox"));
        return methods;
    }
}
