/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.MessageMeta;
import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Angus Mail's SMTP client against the server; every message is read back through the MailStore. */
class AngusClientTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();

    private SmtpFixture smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.close();
        }
    }

    private static byte[] message(String subject, String body) {
        return ("From: Sender <sender@example.org>\r\n"
                        + "To: alice@example.com\r\n"
                        + "Subject: " + subject + "\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n"
                        + "\r\n"
                        + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private Properties properties(String protocol) {
        Properties properties = new Properties();
        properties.put(
                "mail." + protocol + ".ssl.socketFactory",
                CERTIFICATE.clientContext().getSocketFactory());
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".from", "sender@example.org");
        return properties;
    }

    private void send(Properties properties, String protocol, String user, byte[] raw, String... to)
            throws MessagingException {
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Address[] recipients = Arrays.stream(to)
                .map(address -> {
                    try {
                        return new InternetAddress(address);
                    } catch (MessagingException e) {
                        throw new IllegalArgumentException(e);
                    }
                })
                .toArray(Address[]::new);
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect("localhost", smtp.port(), user, user == null ? null : SmtpFixture.PASSWORD);
            transport.sendMessage(message, recipients);
        }
    }

    private void start(UnaryOperator<SmtpServer.Builder> settings) {
        smtp = new SmtpFixture(settings);
    }

    /** The one message in the INBOX: its raw bytes must be the trace header fields, then exactly what was sent. */
    private String deliveredOnce(String login, byte[] sent) {
        MessageMeta stored = smtp.inbox(login).getFirst();
        assertThat(smtp.inbox(login)).hasSize(1);
        byte[] raw = smtp.raw(login, stored);
        assertThat(raw.length).isGreaterThan(sent.length);
        assertThat(Arrays.copyOfRange(raw, raw.length - sent.length, raw.length))
                .isEqualTo(sent);
        String trace = new String(raw, 0, raw.length - sent.length, StandardCharsets.UTF_8);
        assertThat(trace).startsWith("Return-Path: <sender@example.org>\r\nDelivered-To: ");
        assertThat(trace.lines().filter(l -> !l.startsWith("\t") && !l.startsWith("Delivered-To: ")))
                .hasSize(2)
                .allMatch(l -> l.startsWith("Return-Path: ") || l.startsWith("Received: "));
        return trace;
    }

    @Test
    void plainSmtpDeliversToTheInbox() throws Exception {
        start(b -> b);
        byte[] sent = message("plain", "Hello Alice.\r\n.leading dot\r\n");
        send(properties("smtp"), "smtp", null, sent, "alice@example.com");

        String trace = deliveredOnce("alice@example.com", sent);
        assertThat(trace)
                .contains("by mx.example.com (Mailcore) with ESMTP id ")
                .contains("for <alice@example.com>");
        assertThat(smtp.subject(
                        "alice@example.com", smtp.inbox("alice@example.com").getFirst()))
                .isEqualTo("plain");
    }

    @Test
    void startTlsIsRecordedInTheReceivedHeader() throws Exception {
        start(b -> b.tlsMode(TlsMode.STARTTLS).sslContext(CERTIFICATE.serverContext()));
        Properties properties = properties("smtp");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        byte[] sent = message("over tls", "secret stuff\r\n");
        send(properties, "smtp", null, sent, "alice@example.com");

        assertThat(deliveredOnce("alice@example.com", sent))
                .contains("with ESMTPS")
                .contains("(using TLSv1.");
    }

    @Test
    void implicitTlsWorks() throws Exception {
        start(b -> b.tlsMode(TlsMode.IMPLICIT).sslContext(CERTIFICATE.serverContext()));
        byte[] sent = message("smtps", "hello\r\n");
        send(properties("smtps"), "smtps", null, sent, "alice@example.com");

        assertThat(deliveredOnce("alice@example.com", sent)).contains("with ESMTPS");
    }

    @Test
    void submissionWithAuthPlainOverStartTls() throws Exception {
        start(b -> b.mode(SmtpMode.SUBMISSION)
                .allowPlaintextAuth(false)
                .tlsMode(TlsMode.STARTTLS)
                .sslContext(CERTIFICATE.serverContext()));
        Properties properties = properties("smtp");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "PLAIN");
        byte[] sent = message("submitted", "from alice to bob\r\n");
        send(properties, "smtp", "alice@example.com", sent, "bob@example.com");

        assertThat(deliveredOnce("bob@example.com", sent)).contains("with ESMTPSA");
    }

    @Test
    void submissionWithAuthLogin() throws Exception {
        start(b -> b.mode(SmtpMode.SUBMISSION));
        Properties properties = properties("smtp");
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "LOGIN");
        byte[] sent = message("login", "hi\r\n");
        send(properties, "smtp", "alice@example.com", sent, "bob@example.com");

        assertThat(deliveredOnce("bob@example.com", sent)).contains("with ESMTPA");
    }

    @Test
    void multipleRecipientsGetOneCopyPerAccount() throws Exception {
        start(b -> b);
        byte[] sent = message("to many", "everyone\r\n");
        send(properties("smtp"), "smtp", null, sent, "alice@example.com", "bob@example.com", "sales@example.com");

        String aliceTrace = deliveredOnce("alice@example.com", sent);
        String bobTrace = deliveredOnce("bob@example.com", sent);
        assertThat(aliceTrace).contains("for <alice@example.com>");
        // bob@ and sales@ both reach bob: one copy, whose Received field names neither address; Delivered-To says
        // which of his addresses it came by.
        assertThat(bobTrace).doesNotContain("for <");
        assertThat(bobTrace.lines().filter(l -> l.startsWith("Delivered-To: ")))
                .containsExactly("Delivered-To: bob@example.com", "Delivered-To: sales@example.com");
        assertThat(aliceTrace.lines().filter(l -> l.startsWith("Delivered-To: ")))
                .containsExactly("Delivered-To: alice@example.com");
    }

    @Test
    void anEightBitMessageArrivesUnchanged() throws Exception {
        start(b -> b);
        Properties properties = properties("smtp");
        properties.put("mail.smtp.allow8bitmime", "true");
        byte[] sent = message("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=", "Grüße aus Köln, ça va? 日本語\r\n");
        send(properties, "smtp", null, sent, "alice@example.com");

        deliveredOnce("alice@example.com", sent);
        assertThat(smtp.subject(
                        "alice@example.com", smtp.inbox("alice@example.com").getFirst()))
                .isEqualTo("Grüße");
    }

    @Test
    void aTenMegabyteMessageIsStoredByteForByte() throws Exception {
        start(b -> b);
        StringBuilder body = new StringBuilder(11 << 20);
        int line = 0;
        while (body.length() < 10 << 20) {
            body.append(line % 50 == 0 ? "." : "")
                    .append("line ")
                    .append(line++)
                    .append(" of a large message, with some padding to make it longer\r\n");
        }
        byte[] sent = message("large", body.toString());
        send(properties("smtp"), "smtp", null, sent, "alice@example.com");

        deliveredOnce("alice@example.com", sent);
    }

    @Test
    void utf8AddressesGoThroughWithSmtpUtf8() throws Exception {
        start(b -> b);
        smtp.directory.addUser("jösé@example.com", SmtpFixture.PASSWORD);
        Properties properties = properties("smtp");
        properties.put("mail.mime.allowutf8", "true");
        properties.put("mail.smtp.from", "jöran@example.org");
        Session session = Session.getInstance(properties);
        byte[] sent = ("From: jöran@example.org\r\nTo: jösé@example.com\r\nSubject: grüße\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n\r\nhallo\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(sent));
        InternetAddress to = new InternetAddress();
        to.setAddress("jösé@example.com");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("localhost", smtp.port(), null, null);
            transport.sendMessage(message, new Address[] {to});
        }

        MessageMeta stored = smtp.inbox("jösé@example.com").getFirst();
        String raw = new String(smtp.raw("jösé@example.com", stored), StandardCharsets.UTF_8);
        assertThat(raw)
                .startsWith("Return-Path: <jöran@example.org>\r\nDelivered-To: jösé@example.com\r\n")
                .contains("with UTF8SMTP id ")
                .contains("Subject: grüße");
    }

    @Test
    void aSubAddressReachesItsUserAndShowsInDeliveredTo() throws Exception {
        start(b -> b);
        byte[] sent = message("tagged", "hi\r\n");
        send(properties("smtp"), "smtp", null, sent, "alice+news@example.com");
        assertThat(deliveredOnce("alice@example.com", sent)).contains("Delivered-To: alice+news@example.com\r\n");
    }

    @Test
    void anyAddressOfACatchAllDomainReachesItsTarget() throws Exception {
        start(b -> b);
        byte[] sent = message("to anyone", "hi\r\n");
        send(properties("smtp"), "smtp", null, sent, "whoever@example.net");
        assertThat(deliveredOnce("bob@example.com", sent)).contains("Delivered-To: whoever@example.net\r\n");
    }
}
