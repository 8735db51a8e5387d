/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One server for the class; the methods run in parallel and stay apart with a user each. */
class PerClassLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static MailcoreExtension mail =
            MailcoreExtension.create().withUser("alice@example.com", "secret").withUser("bob", "pw");

    private static final List<Integer> smtpPortsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @RepeatedTest(6)
    void parallelTestsEachSeeOnlyTheirOwnMail() throws Exception {
        MailUser me = mail.newUser();
        smtpPortsSeen.add(mail.smtpPort());

        Mails.send(mail.smtpSession(), me.address(), "For " + me.address());
        Mails.send(mail.smtpSession(), me.address(), "Again for " + me.address());

        assertThat(me.waitForIncomingEmail(WAIT, 2)).isTrue();
        assertThat(Mails.subjects(me.receivedMessages()))
                .containsExactly("For " + me.address(), "Again for " + me.address());
        try (Store store = me.imapStore()) {
            assertThat(Mails.imapSubjects(store, "INBOX")).hasSize(2);
        }
        assertThat(smtpPortsSeen).containsOnly(mail.smtpPort());
    }

    @Test
    void waitForIncomingEmailReturnsFalseWhenNothingComes() {
        MailUser me = mail.newUser();

        assertThat(me.waitForIncomingEmail(Duration.ofMillis(300), 1)).isFalse();
    }

    @Test
    void waitForIncomingEmailWakesWhenMailArrivesWhileWaiting() throws Exception {
        MailUser me = mail.newUser();
        CountDownLatch waiting = new CountDownLatch(1);
        try (ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sent = sender.submit(() -> {
                waiting.await(10, TimeUnit.SECONDS);
                Mails.send(mail.smtpSession(), me.address(), "Late");
                return null;
            });
            waiting.countDown();
            assertThat(me.waitForIncomingEmail(WAIT, 1)).isTrue();
            sent.get();
        }
        assertThat(Mails.subjects(me.receivedMessages())).containsExactly("Late");
    }

    @Test
    void configuredUsersLogInByAddressOrBareLogin() throws Exception {
        try (Store alice = mail.imapStore("alice@example.com");
                Store bob = mail.imapStore("bob")) {
            assertThat(alice.isConnected()).isTrue();
            assertThat(bob.isConnected()).isTrue();
        }
        assertThat(mail.user("bob").address()).isEqualTo("bob@localhost");
        assertThat(mail.imapUrl()).isEqualTo("imap://127.0.0.1:" + mail.imapPort());
    }

    @Test
    void receivedMessagesOfAUserFollowSubAddressing() throws Exception {
        MailUser me = mail.newUser();
        String tagged = me.address().replace("@", "+orders@");

        Mails.send(mail.smtpSession(), tagged, "Tagged");

        assertThat(Mails.subjects(mail.receivedMessagesFor(tagged))).containsExactly("Tagged");
        List<String> everyone = new ArrayList<>(Mails.subjects(mail.receivedMessages()));
        assertThat(everyone).contains("Tagged");
    }
}
