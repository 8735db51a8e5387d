/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.jmap.internal.blob.BlobMethods;
import dev.mailcore.jmap.internal.mail.EmailMethods;
import dev.mailcore.jmap.internal.mail.MailboxMethods;
import dev.mailcore.jmap.internal.mail.ThreadMethods;
import dev.mailcore.jmap.internal.quota.QuotaMethods;
import dev.mailcore.jmap.internal.submission.AccountObjects;
import dev.mailcore.jmap.internal.submission.Delivery;
import dev.mailcore.jmap.internal.submission.EmailSubmissionMethods;
import dev.mailcore.jmap.internal.submission.IdentityMethods;
import dev.mailcore.jmap.internal.vacation.VacationMethods;
import dev.mailcore.jmap.internal.vacation.VacationResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every method the server offers. */
public final class Methods {
    private Methods() {}

    public static List<JmapMethod> standard(
            MailStore store,
            Uploads uploads,
            Directory directory,
            AccountObjectStore objects,
            Optional<OutboundQueue> outboundQueue) {
        List<JmapMethod> methods = new ArrayList<>();
        methods.add(new CoreEcho());
        methods.addAll(MailboxMethods.all());
        methods.addAll(ThreadMethods.all());
        methods.addAll(EmailMethods.all(new BlobReader(store, uploads)));
        AccountObjects identities = AccountObjects.identities(objects);
        methods.addAll(IdentityMethods.all(identities));
        methods.addAll(EmailSubmissionMethods.all(
                identities, AccountObjects.submissions(objects), new Delivery(store, directory, outboundQueue)));
        methods.addAll(VacationMethods.all(new VacationResponses(objects)));
        methods.addAll(QuotaMethods.all());
        methods.addAll(BlobMethods.all(new BlobReader(store, uploads)));
        return methods;
    }
}
