/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.Account;
import dev.mailcore.net.AuthBackoff;
import dev.mailcore.net.Connection;
import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import dev.mailcore.net.ProtocolHandler;
import dev.mailcore.smtp.Envelope;
import dev.mailcore.smtp.SmtpMode;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one SMTP, submission or LMTP connection: hello, optional TLS and authentication, then
 * transactions of MAIL, RCPT and DATA. Runs on the connection's virtual thread, one event at a time.
 */
public final class SmtpSession implements ProtocolHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);
    private static final Reply OK = Reply.of(250, "2.0.0", "OK");

    private final Connection connection;
    private final SmtpSettings settings;
    private final RecipientPolicy policy;
    private final LocalDelivery delivery;
    private final SaslExchange sasl;
    private String helo;
    private boolean extended;
    private Account account;
    private String reversePath;
    private final List<Recipient> recipients = new ArrayList<>();
    private boolean receivingData;
    private int badCommands;
    private int transactions;
    private boolean closing;

    public SmtpSession(Connection connection, SmtpSettings settings) {
        this.connection = connection;
        this.settings = settings;
        this.policy = new RecipientPolicy(settings.directory());
        this.delivery = new LocalDelivery(settings.store());
        this.sasl = new SaslExchange(
                settings.directory(),
                new AuthBackoff(settings.authBackoff(), settings.authBackoff().multipliedBy(16)));
    }

    @Override
    public void connected() {
        String kind = settings.mode() == SmtpMode.LMTP ? "LMTP" : "ESMTP";
        send(new Reply(220, null, List.of(settings.hostname() + " " + kind + " Mailcore ready")));
    }

    @Override
    public void received(Frame frame) {
        if (closing) {
            discard(frame);
            return;
        }
        if (receivingData) {
            receivingData = false;
            message(frame);
            return;
        }
        switch (frame) {
            case Frame.TooLong tooLong -> bad(Reply.of(500, "5.5.2", "Line too long"));
            case Frame.Request request -> {
                byte[] line = ((Frame.Line) request.parts().getFirst()).bytes();
                boolean held = SmtpLiterals.isData(line, line.length);
                try {
                    line(new String(line, StandardCharsets.UTF_8));
                } finally {
                    if (held && !receivingData) {
                        connection.resumeLines();
                    }
                }
            }
        }
    }

    @Override
    public void shuttingDown() {
        send(Reply.of(421, "4.3.2", settings.hostname() + " Service shutting down"));
    }

    @Override
    public void timedOut() {
        send(Reply.of(421, "4.4.2", settings.hostname() + " Idle for too long, closing"));
    }

    private void line(String line) {
        if (sasl.inProgress()) {
            authenticated(sasl.respond(line));
            return;
        }
        SmtpCommand command;
        try {
            command = CommandParser.parse(line);
        } catch (SyntaxError e) {
            bad(Reply.of(501, "5.5.4", "Syntax error: " + e.getMessage()));
            return;
        }
        try {
            execute(command);
        } catch (RuntimeException e) {
            LOG.warn(
                    "connection {}: {} failed",
                    connection.id(),
                    command.getClass().getSimpleName(),
                    e);
            send(Reply.of(451, "4.3.0", "Local error; try again later"));
        }
    }

    private void execute(SmtpCommand command) {
        switch (command) {
            case SmtpCommand.Hello hello -> hello(hello);
            case SmtpCommand.Mail mail -> mail(mail);
            case SmtpCommand.Rcpt rcpt -> rcpt(rcpt);
            case SmtpCommand.Data data -> data();
            case SmtpCommand.Rset rset -> {
                resetTransaction();
                send(OK);
            }
            case SmtpCommand.Noop noop -> send(OK);
            case SmtpCommand.Quit quit -> {
                send(Reply.of(221, "2.0.0", settings.hostname() + " closing connection"));
                closing = true;
                connection.close();
            }
            case SmtpCommand.Help help ->
                send(Reply.of(214, "2.0.0", "Commands: HELO EHLO MAIL RCPT DATA RSET NOOP QUIT HELP AUTH STARTTLS"));
            case SmtpCommand.Vrfy vrfy ->
                send(Reply.of(252, "2.5.0", "Address verification is off; send the message and delivery is tried"));
            case SmtpCommand.StartTls startTls -> startTls();
            case SmtpCommand.Auth auth -> auth(auth);
            case SmtpCommand.Unknown unknown -> bad(Reply.of(500, "5.5.2", "Command not recognized"));
        }
    }

    private void hello(SmtpCommand.Hello hello) {
        boolean lmtp = settings.mode() == SmtpMode.LMTP;
        if (lmtp != hello.verb().equals("LHLO")) {
            bad(Reply.of(500, "5.5.1", lmtp ? "This is LMTP: say LHLO" : "LHLO is for LMTP; say EHLO"));
            return;
        }
        resetTransaction();
        helo = hello.domain();
        extended = hello.extended();
        List<String> lines = new ArrayList<>();
        lines.add(settings.hostname() + " greets " + hello.domain());
        if (extended) {
            lines.addAll(Extension.keywords(
                    new Extension.Context(settings.maxMessageSize(), connection.canStartTls(), authOffered())));
        }
        send(new Reply(250, null, lines));
    }

    private void mail(SmtpCommand.Mail mail) {
        if (helo == null) {
            bad(Reply.of(503, "5.5.1", "Say hello first"));
            return;
        }
        if (reversePath != null) {
            bad(Reply.of(503, "5.5.1", "A transaction is already open; RSET first"));
            return;
        }
        if (settings.mode() == SmtpMode.SUBMISSION && account == null) {
            send(Reply.of(530, "5.7.0", "Authentication required"));
            return;
        }
        for (Map.Entry<String, String> parameter : mail.parameters().entrySet()) {
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    long size;
                    try {
                        size = Long.parseLong(parameter.getValue());
                    } catch (NumberFormatException e) {
                        bad(Reply.of(501, "5.5.4", "Bad SIZE value"));
                        return;
                    }
                    if (size > settings.maxMessageSize()) {
                        send(Reply.of(552, "5.3.4", "Message too big; the limit is " + settings.maxMessageSize()));
                        return;
                    }
                }
                case "BODY" -> {
                    String body = parameter.getValue().toUpperCase(Locale.ROOT);
                    if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
                        bad(Reply.of(501, "5.5.4", "BODY must be 7BIT or 8BITMIME"));
                        return;
                    }
                }
                case "AUTH" -> {
                    // RFC 4954: the original submitter; accepted and not used yet.
                }
                default -> {
                    bad(Reply.of(555, "5.5.4", "Unsupported parameter " + parameter.getKey()));
                    return;
                }
            }
        }
        reversePath = mail.reversePath();
        send(Reply.of(250, "2.1.0", "Sender OK"));
    }

    private void rcpt(SmtpCommand.Rcpt rcpt) {
        if (reversePath == null) {
            bad(Reply.of(503, "5.5.1", "Need MAIL before RCPT"));
            return;
        }
        if (!rcpt.parameters().isEmpty()) {
            bad(Reply.of(
                    555,
                    "5.5.4",
                    "Unsupported parameter "
                            + rcpt.parameters().keySet().iterator().next()));
            return;
        }
        if (recipients.size() >= settings.maxRecipients()) {
            send(Reply.of(452, "4.5.3", "Too many recipients"));
            return;
        }
        switch (policy.decide(rcpt.forwardPath(), account != null)) {
            case RecipientPolicy.Decision.Accept accept -> {
                recipients.add(new Recipient(rcpt.forwardPath(), accept.account()));
                send(Reply.of(250, "2.1.5", "Recipient OK"));
            }
            case RecipientPolicy.Decision.Refuse refuse -> send(refuse.reply());
        }
    }

    private void data() {
        if (reversePath == null) {
            bad(Reply.of(503, "5.5.1", "Need MAIL before DATA"));
            return;
        }
        if (recipients.isEmpty()) {
            bad(Reply.of(503, "5.5.1", "Need RCPT before DATA"));
            return;
        }
        receivingData = true;
        connection.receiveData(settings.maxMessageSize());
        send(new Reply(354, null, List.of("Send the message; end with <CRLF>.<CRLF>")));
    }

    private void message(Frame frame) {
        List<Reply> replies;
        try {
            replies = switch (frame) {
                case Frame.TooLong tooLong ->
                    recipients.stream()
                            .map(r -> Reply.of(
                                    552, "5.3.4", "Message too big; the limit is " + settings.maxMessageSize()))
                            .toList();
                case Frame.Request request -> deliver((Literal) request.parts().getFirst());
            };
        } catch (RuntimeException e) {
            LOG.warn("connection {}: delivery failed", connection.id(), e);
            replies = recipients.stream()
                    .map(r -> Reply.of(451, "4.3.0", "Local error; try again later"))
                    .toList();
        } finally {
            discard(frame);
        }
        if (settings.mode() == SmtpMode.LMTP) {
            replies.forEach(this::send);
        } else {
            send(summary(replies));
        }
        resetTransaction();
    }

    private List<Reply> deliver(Literal content) {
        transactions++;
        Envelope envelope = new Envelope(
                reversePath,
                recipients.stream().map(Recipient::address).toList(),
                helo,
                connection.remoteAddress(),
                connection.isSecure(),
                Optional.ofNullable(account).map(Account::login));
        Map<Integer, Reply> refused = settings.filters().refusals(envelope, content);
        List<Recipient> accepted = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (!refused.containsKey(i)) {
                accepted.add(recipients.get(i));
            }
        }
        TraceHeaders trace = new TraceHeaders(
                reversePath,
                helo,
                connection.remoteAddress(),
                settings.hostname(),
                protocol(),
                connection.tlsSession(),
                Long.toString(connection.id(), 36) + "." + transactions,
                accepted,
                ZonedDateTime.now(settings.clock()));
        Iterator<Reply> delivered = accepted.isEmpty()
                ? Collections.emptyIterator()
                : delivery.deliver(accepted, content, trace).iterator();
        List<Reply> replies = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            replies.add(refused.containsKey(i) ? refused.get(i) : delivered.next());
        }
        return replies;
    }

    /**
     * SMTP has one reply for all recipients. Without bounces yet, a message stored for at least one recipient is
     * accepted (the failures are logged); otherwise the first failure is the answer, so the client retries or
     * bounces.
     */
    private static Reply summary(List<Reply> replies) {
        return replies.stream()
                .filter(reply -> !reply.isError())
                .findFirst()
                .map(reply -> Reply.of(250, "2.0.0", "Message accepted"))
                .orElse(replies.getFirst());
    }

    private String protocol() {
        String base = settings.mode() == SmtpMode.LMTP ? "LMTP" : extended ? "ESMTP" : "SMTP";
        if (base.equals("SMTP")) {
            return base;
        }
        return base + (connection.isSecure() ? "S" : "") + (account != null ? "A" : "");
    }

    private void startTls() {
        if (!connection.canStartTls()) {
            bad(Reply.of(
                    connection.isSecure() ? 503 : 502,
                    "5.5.1",
                    connection.isSecure() ? "TLS is already on" : "STARTTLS not available"));
            return;
        }
        // RFC 3207: after TLS the client starts over with EHLO and the server forgets what it was told.
        resetTransaction();
        helo = null;
        extended = false;
        connection.startTls(Reply.of(220, "2.0.0", "Go ahead with TLS").encode());
    }

    private boolean authOffered() {
        if (settings.mode() == SmtpMode.LMTP || account != null) {
            return false;
        }
        return plaintextAllowed();
    }

    private boolean plaintextAllowed() {
        if (connection.isSecure()) {
            return true;
        }
        return settings.allowPlaintextAuth() == null ? connection.isLoopback() : settings.allowPlaintextAuth();
    }

    private void auth(SmtpCommand.Auth auth) {
        if (helo == null || !extended || settings.mode() == SmtpMode.LMTP) {
            bad(Reply.of(503, "5.5.1", "Say EHLO first"));
            return;
        }
        if (account != null) {
            bad(Reply.of(503, "5.5.1", "Already authenticated"));
            return;
        }
        if (reversePath != null) {
            bad(Reply.of(503, "5.5.1", "AUTH is not allowed during a transaction"));
            return;
        }
        if (!plaintextAllowed()) {
            send(Reply.of(538, "5.7.11", "Encryption required; use STARTTLS first"));
            return;
        }
        authenticated(sasl.start(auth.mechanism(), auth.initialResponse()));
    }

    private void authenticated(SaslExchange.Outcome outcome) {
        outcome.account().ifPresent(authenticated -> account = authenticated);
        if (outcome.reply().code() == 504) {
            bad(outcome.reply());
        } else {
            send(outcome.reply());
        }
    }

    private void resetTransaction() {
        reversePath = null;
        recipients.clear();
    }

    /** Answers a client mistake; too many of them end the connection. */
    private void bad(Reply reply) {
        send(reply);
        if (++badCommands >= settings.maxBadCommands()) {
            send(Reply.of(421, "4.7.0", settings.hostname() + " Too many errors, closing"));
            closing = true;
            connection.close();
        }
    }

    private void send(Reply reply) {
        connection.write(reply.encode());
    }

    private static void discard(Frame frame) {
        if (frame instanceof Frame.Request request) {
            request.close();
        }
    }
}
