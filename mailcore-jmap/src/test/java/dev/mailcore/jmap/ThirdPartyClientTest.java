/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rs.ltt.jmap.client.JmapClient;
import rs.ltt.jmap.client.session.Session;
import rs.ltt.jmap.common.entity.AddedItem;
import rs.ltt.jmap.common.entity.Email;
import rs.ltt.jmap.common.entity.Identity;
import rs.ltt.jmap.common.entity.Mailbox;
import rs.ltt.jmap.common.entity.Role;
import rs.ltt.jmap.common.entity.VacationResponse;
import rs.ltt.jmap.common.entity.capability.MailAccountCapability;
import rs.ltt.jmap.common.method.call.email.GetEmailMethodCall;
import rs.ltt.jmap.common.method.call.email.QueryEmailMethodCall;
import rs.ltt.jmap.common.method.call.identity.GetIdentityMethodCall;
import rs.ltt.jmap.common.method.call.mailbox.GetMailboxMethodCall;
import rs.ltt.jmap.common.method.call.mailbox.QueryChangesMailboxMethodCall;
import rs.ltt.jmap.common.method.call.mailbox.QueryMailboxMethodCall;
import rs.ltt.jmap.common.method.call.vacation.GetVacationResponseMethodCall;
import rs.ltt.jmap.common.method.response.email.GetEmailMethodResponse;
import rs.ltt.jmap.common.method.response.email.QueryEmailMethodResponse;
import rs.ltt.jmap.common.method.response.identity.GetIdentityMethodResponse;
import rs.ltt.jmap.common.method.response.mailbox.GetMailboxMethodResponse;
import rs.ltt.jmap.common.method.response.mailbox.QueryChangesMailboxMethodResponse;
import rs.ltt.jmap.common.method.response.mailbox.QueryMailboxMethodResponse;
import rs.ltt.jmap.common.method.response.vacation.GetVacationResponseMethodResponse;

/** An independent JMAP client library (ltt.rs jmap-client) reads the session, mailboxes, identities and mail. */
class ThirdPartyClientTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void anIndependentClientReadsTheSessionMailboxesIdentitiesAndMail() throws Exception {
        jmap.deliver("INBOX", "From: bob@example.com\r\nTo: alice@example.com\r\nSubject: Hello client\r\n\r\nHi\r\n");

        try (JmapClient client =
                new JmapClient(JmapFixture.USER, JmapFixture.PASSWORD, HttpUrl.get(jmap.uri("/.well-known/jmap")))) {
            Session session = client.getSession().get(30, TimeUnit.SECONDS);
            String account = session.getPrimaryAccount(MailAccountCapability.class);
            assertThat(account).isEqualTo(jmap.accountId());

            Mailbox[] mailboxes = client.call(
                            GetMailboxMethodCall.builder().accountId(account).build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(GetMailboxMethodResponse.class)
                    .getList();
            assertThat(mailboxes).extracting(Mailbox::getRole).contains(Role.INBOX, Role.TRASH, Role.SENT);

            Identity[] identities = client.call(
                            GetIdentityMethodCall.builder().accountId(account).build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(GetIdentityMethodResponse.class)
                    .getList();
            assertThat(identities).extracting(Identity::getEmail).containsExactly(JmapFixture.USER);

            String[] ids = client.call(
                            QueryEmailMethodCall.builder().accountId(account).build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(QueryEmailMethodResponse.class)
                    .getIds();
            Email[] emails = client.call(GetEmailMethodCall.builder()
                            .accountId(account)
                            .ids(ids)
                            .build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(GetEmailMethodResponse.class)
                    .getList();
            assertThat(emails).extracting(Email::getSubject).containsExactly("Hello client");
        }
    }

    @Test
    void itsMailboxQueryChangesAndVacationResponseCallsAreAnswered() throws Exception {
        try (JmapClient client =
                new JmapClient(JmapFixture.USER, JmapFixture.PASSWORD, HttpUrl.get(jmap.uri("/.well-known/jmap")))) {
            String account = jmap.accountId();
            String state = client.call(
                            QueryMailboxMethodCall.builder().accountId(account).build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(QueryMailboxMethodResponse.class)
                    .getQueryState();
            String created = jmap.store
                    .mailboxes()
                    .create(jmap.alice, "Receipts", null)
                    .id()
                    .value();

            QueryChangesMailboxMethodResponse changes = client.call(QueryChangesMailboxMethodCall.builder()
                            .accountId(account)
                            .sinceQueryState(state)
                            .build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(QueryChangesMailboxMethodResponse.class);
            VacationResponse[] vacation = client.call(GetVacationResponseMethodCall.builder()
                            .accountId(account)
                            .build())
                    .get(30, TimeUnit.SECONDS)
                    .getMain(GetVacationResponseMethodResponse.class)
                    .getList();

            assertThat(changes.getOldQueryState()).isEqualTo(state);
            assertThat(changes.getAdded()).extracting(AddedItem::getItem).containsExactly(created);
            assertThat(vacation).extracting(VacationResponse::getIsEnabled).containsExactly(false);
        }
    }
}
