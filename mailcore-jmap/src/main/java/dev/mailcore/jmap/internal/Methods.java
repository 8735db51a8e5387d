/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.jmap.internal.mail.EmailMethods;
import dev.mailcore.jmap.internal.mail.MailboxMethods;
import dev.mailcore.jmap.internal.mail.ThreadMethods;
import dev.mailcore.jmap.internal.quota.QuotaMethods;
import dev.mailcore.jmap.internal.submission.Identities;
import dev.mailcore.jmap.internal.submission.IdentityMethods;
import dev.mailcore.jmap.internal.vacation.VacationMethods;
import dev.mailcore.jmap.internal.vacation.VacationResponses;
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
        methods.add(new QueryChanges("Mailbox", Capabilities.MAIL));
        methods.addAll(IdentityMethods.all(new Identities()));
        methods.addAll(VacationMethods.all(new VacationResponses()));
        methods.addAll(QuotaMethods.all());
        return methods;
    }
}
