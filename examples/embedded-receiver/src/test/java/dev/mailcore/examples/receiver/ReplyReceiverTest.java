/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplyReceiverTest {
    private final List<Reply> handled = new CopyOnWriteArrayList<>();
    private ReplyReceiver receiver;

    @BeforeEach
    void start() {
        Set<String> openTickets = Set.of("1042", "1043");
        receiver = ReplyReceiver.start("127.0.0.1", 0, "support.example", reply -> {
            if (!openTickets.contains(reply.ticket())) {
                return false;
            }
            handled.add(reply);
            return true;
        });
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aReplyToAnOpenTicketReachesTheHandlerBeforeTheSenderGetsItsAnswer() throws Exception {
        send("customer@example.org", "reply+1042@support.example", "Re: printer", "It works again, thanks.");

        assertThat(handled)
                .containsExactly(
                        new Reply("1042", "customer@example.org", "Re: printer", "It works again, thanks.\r\n"));
    }

    @Test
    void theHandlerRefusesAnUnknownTicketAndTheSenderIsTold() {
        assertThatThrownBy(() -> send("customer@example.org", "reply+9999@support.example", "Re: ?", "Hello"))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("Unknown ticket 9999");
        assertThat(handled).isEmpty();
    }

    @Test
    void addressesWithoutATicketOrAtAnotherDomainAreRefused() {
        assertThatThrownBy(() -> send("customer@example.org", "reply@support.example", "No ticket", "Hello"))
                .isInstanceOf(SendFailedException.class);
        assertThatThrownBy(() -> send("customer@example.org", "someone@elsewhere.example", "Relay?", "Hello"))
                .isInstanceOf(SendFailedException.class);
        assertThat(handled).isEmpty();
    }

    private void send(String from, String to, String subject, String text) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(receiver.port()));
        properties.setProperty("mail.smtp.localhost", "client.example.org");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }
}
