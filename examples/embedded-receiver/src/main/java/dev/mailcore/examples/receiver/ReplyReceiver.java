/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.receiver;

import dev.mailcore.server.MailServer;
import dev.mailcore.server.Protocol;
import dev.mailcore.smtp.Envelope;
import dev.mailcore.smtp.Verdict;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Receives replies to tickets by mail: an SMTP listener for {@code reply+TICKET@DOMAIN} whose messages go to the
 * application's {@link ReplyHandler} before the sender gets its answer. Only SMTP listens; no IMAP, no relay.
 *
 * <pre>{@code
 * try (ReplyReceiver receiver = ReplyReceiver.start("127.0.0.1", 2525, "support.example", reply -> {
 *     comments.add(reply.ticket(), reply.text());
 *     return true;
 * })) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The recipient {@code reply@DOMAIN} is the one user of the server; sub-addressing delivers every
 * {@code reply+TICKET@} address to it, and the SMTP filter reads the ticket from the address. Accepted messages are
 * also kept in that user's INBOX of the memory store; an application that only needs the handler may ignore them.
 */
public final class ReplyReceiver implements AutoCloseable {
    private static final String LOCAL_PART = "reply";

    private final MailServer server;
    private final String domain;
    private final ReplyHandler handler;
    private final Session parser = Session.getInstance(new Properties());

    private ReplyReceiver(String host, int port, String domain, ReplyHandler handler) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.handler = Objects.requireNonNull(handler, "handler");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        // Nobody logs in: the user exists so that the server accepts mail for it.
        this.server = MailServer.builder()
                .defaultDomain(this.domain)
                .user(LOCAL_PART, HexFormat.of().formatHex(secret))
                .smtp(host, port)
                .smtpFilter(this::filter)
                .build();
    }

    /** Starts listening on {@code host}:{@code port} (0 for any free port) for replies to {@code domain}. */
    public static ReplyReceiver start(String host, int port, String domain, ReplyHandler handler) {
        ReplyReceiver receiver = new ReplyReceiver(host, port, domain, handler);
        receiver.server.start();
        return receiver;
    }

    /** The port SMTP listens on. */
    public int port() {
        return server.boundAddress(Protocol.SMTP).getPort();
    }

    private Verdict filter(Envelope envelope, InputStream content) {
        MimeMessage message;
        try {
            message = new MimeMessage(parser, content);
        } catch (MessagingException e) {
            return Verdict.reject("The message cannot be read");
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String recipient : envelope.recipients()) {
            verdicts.put(recipient, handle(ticketOf(recipient), envelope.sender(), message));
        }
        return Verdict.perRecipient(verdicts);
    }

    private Verdict handle(String ticket, String sender, MimeMessage message) {
        if (ticket == null) {
            return Verdict.reject("Reply to a ticket address: reply+TICKET@" + domain);
        }
        try {
            Reply reply =
                    new Reply(ticket, sender, Objects.requireNonNullElse(message.getSubject(), ""), textOf(message));
            return handler.handle(reply) ? Verdict.accept() : Verdict.reject("Unknown ticket " + ticket);
        } catch (MessagingException | IOException e) {
            return Verdict.reject("The message has no readable text");
        }
    }

    /** The ticket of {@code reply+TICKET@domain}, or null for any other address. */
    private String ticketOf(String recipient) {
        String address = recipient.toLowerCase(Locale.ROOT);
        String prefix = LOCAL_PART + "+";
        String suffix = "@" + domain;
        if (!address.startsWith(prefix) || !address.endsWith(suffix)) {
            return null;
        }
        String ticket = address.substring(prefix.length(), address.length() - suffix.length());
        return ticket.isEmpty() ? null : ticket;
    }

    private static String textOf(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = textOf(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.close();
    }

    /** Runs a receiver on port 2525 (or the first argument) that prints each reply, until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        try (ReplyReceiver receiver = start("127.0.0.1", port, "support.example", reply -> {
            System.out.printf(
                    "ticket %s from %s: %s%n",
                    reply.ticket(), reply.sender(), reply.text().strip());
            return true;
        })) {
            System.out.println("replies to reply+TICKET@support.example on 127.0.0.1:" + receiver.port());
            new CountDownLatch(1).await();
        }
    }
}
