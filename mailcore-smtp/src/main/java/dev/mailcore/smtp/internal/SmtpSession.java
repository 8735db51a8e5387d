/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.net.AuthBackoff;
import dev.mailcore.net.Connection;
import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import dev.mailcore.net.ProtocolHandler;
import dev.mailcore.net.SaslExchange;
import dev.mailcore.net.SaslMechanisms;
import dev.mailcore.smtp.Envelope;
import dev.mailcore.smtp.RecipientResult;
import dev.mailcore.smtp.SmtpMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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
    private final Handoff handoff;
    private final SaslExchange sasl;
    private String helo;
    private boolean extended;
    private Account account;
    private String reversePath;
    private MailParameters mailParameters;
    private final List<Recipient> recipients = new ArrayList<>();
    /** The BDAT chunks of the open transaction, null outside one. */
    private BdatTransfer chunks;
    /** The BDAT command whose chunk the framer reads next, or null. */
    private SmtpCommand.Bdat pendingChunk;

    private boolean receivingData;
    private Alarm dataDeadline;
    /** Whether the framer holds after the line being executed (DATA or BDAT). */
    private boolean lineHeld;

    private boolean greeted;
    private int badCommands;
    private int transactions;
    private boolean closing;

    public SmtpSession(Connection connection, SmtpSettings settings) {
        this.connection = connection;
        this.settings = settings;
        this.policy =
                new RecipientPolicy(settings.directory(), settings.outboundQueue() != null, settings.captureMode());
        this.handoff = new Handoff(settings);
        this.sasl = new SaslExchange(settings.directory(), AuthBackoff.doubling(settings.authBackoff()));
    }

    @Override
    public void connected() {
        settings.listeners().connected(connection.remoteAddress());
        if (settings.greetingDelay().isZero()) {
            greet();
        } else {
            // What arrives before the greeting comes from a client that does not wait for the server: spam software.
            Alarm.after(connection, settings.greetingDelay(), this::greet);
        }
    }

    private void greet() {
        if (closing) {
            return;
        }
        greeted = true;
        String kind = settings.mode() == SmtpMode.LMTP ? "LMTP" : "ESMTP";
        send(new Reply(220, null, List.of(settings.hostname() + " " + kind + " Mailcore ready")));
    }

    @Override
    public void received(Frame frame) {
        if (closing) {
            discard(frame);
            return;
        }
        if (!greeted) {
            discard(frame);
            send(Reply.of(554, "5.5.1", settings.hostname() + " Talking before the greeting; closing"));
            close();
            return;
        }
        if (receivingData) {
            receivingData = false;
            dataDeadline.cancel();
            message(frame);
            return;
        }
        if (pendingChunk != null) {
            SmtpCommand.Bdat bdat = pendingChunk;
            pendingChunk = null;
            try {
                chunk(bdat, frame);
            } finally {
                discard(frame);
            }
            return;
        }
        switch (frame) {
            case Frame.TooLong tooLong -> {
                failChunks(Reply.of(500, "5.5.2", "Line too long"));
                bad(Reply.of(500, "5.5.2", "Line too long"));
            }
            case Frame.Request request -> {
                try {
                    command(((Frame.Line) request.parts().getFirst()).bytes());
                } finally {
                    request.close();
                }
            }
        }
    }

    /** One command line; after a held one the framer reads on as the command decided, or lines by default. */
    private void command(byte[] bytes) {
        lineHeld = SmtpLiterals.held(bytes, bytes.length);
        try {
            line(bytes);
        } finally {
            if (lineHeld && !receivingData && pendingChunk == null) {
                connection.resumeLines();
            }
            lineHeld = false;
        }
    }

    @Override
    public void closed() {
        // A connection dropped in the middle of BDAT leaves nothing behind.
        if (receivingData) {
            dataDeadline.cancel();
        }
        resetTransaction();
        settings.listeners().disconnected(connection.remoteAddress());
    }

    @Override
    public void shuttingDown() {
        send(Reply.of(421, "4.3.2", settings.hostname() + " Service shutting down"));
    }

    @Override
    public void timedOut() {
        send(Reply.of(421, "4.4.2", settings.hostname() + " Idle for too long, closing"));
    }

    private void line(byte[] bytes) {
        String line;
        try {
            line = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            bad(Reply.of(500, "5.5.2", "The command line is not UTF-8"));
            return;
        }
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
        } catch (RuntimeException | LinkageError e) {
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
            case SmtpCommand.Bdat bdat -> bdat(bdat);
            case SmtpCommand.Rset rset -> {
                resetTransaction();
                send(OK);
            }
            case SmtpCommand.Noop noop -> send(OK);
            case SmtpCommand.Quit quit -> {
                send(Reply.of(221, "2.0.0", settings.hostname() + " closing connection"));
                close();
            }
            case SmtpCommand.Help help ->
                send(Reply.of(
                        214,
                        "2.0.0",
                        "Commands: HELO EHLO MAIL RCPT DATA BDAT RSET NOOP QUIT HELP VRFY AUTH STARTTLS"));
            case SmtpCommand.Vrfy vrfy -> vrfy(vrfy.argument());
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
            lines.addAll(Extension.keywords(new Extension.Context(
                    settings.maxMessageSize(),
                    connection.canStartTls(),
                    authOffered() ? SaslMechanisms.names(settings.directory()) : List.of())));
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
        if (settings.mode() == SmtpMode.SUBMISSION && account == null && !settings.captureMode()) {
            send(Reply.of(530, "5.7.0", "Authentication required"));
            return;
        }
        MailParameters parameters;
        try {
            parameters = MailParameters.parse(mail.parameters());
        } catch (ParameterError e) {
            refuse(e.reply());
            return;
        }
        if (parameters.size() > settings.maxMessageSize()) {
            send(Reply.of(552, "5.3.4", "Message too big; the limit is " + settings.maxMessageSize()));
            return;
        }
        if (!parameters.smtpUtf8() && !isAscii(mail.reversePath())) {
            send(Reply.of(553, "5.6.7", "A non-ASCII address needs SMTPUTF8"));
            return;
        }
        mailParameters = parameters;
        chunks = new BdatTransfer(settings.maxMessageSize());
        reversePath = mail.reversePath();
        send(Reply.of(250, "2.1.0", "Sender OK"));
    }

    private void rcpt(SmtpCommand.Rcpt rcpt) {
        if (reversePath == null) {
            bad(Reply.of(503, "5.5.1", "Need MAIL before RCPT"));
            return;
        }
        OutboundRecipient parameters;
        try {
            parameters = RcptParameters.parse(rcpt.forwardPath(), rcpt.parameters());
        } catch (ParameterError e) {
            refuse(e.reply());
            return;
        }
        if (!mailParameters.smtpUtf8() && !isAscii(rcpt.forwardPath())) {
            refuseRecipient(rcpt.forwardPath(), Reply.of(553, "5.6.7", "A non-ASCII address needs SMTPUTF8"));
            return;
        }
        if (recipients.size() >= settings.maxRecipients()) {
            refuseRecipient(rcpt.forwardPath(), Reply.of(452, "4.5.3", "Too many recipients"));
            return;
        }
        switch (policy.decide(rcpt.forwardPath(), account != null)) {
            case RecipientPolicy.Decision.Accept accept -> {
                recipients.add(new Recipient(parameters, accept.account()));
                send(Reply.of(250, "2.1.5", "Recipient OK"));
            }
            case RecipientPolicy.Decision.Refuse refuse -> refuseRecipient(rcpt.forwardPath(), refuse.reply());
        }
    }

    private void refuseRecipient(String address, Reply reply) {
        send(reply);
        settings.listeners()
                .recipientRefused(
                        connection.remoteAddress(), new RecipientResult(address, reply.code(), status(reply)));
    }

    private static String status(Reply reply) {
        return reply.status() == null ? "" : reply.status();
    }

    /** VRFY (RFC 5321 section 3.5): 252 unless the server is told to reveal which local addresses exist. */
    private void vrfy(String address) {
        int at = address.lastIndexOf('@');
        if (!settings.verifyAddresses() || at < 0 || !settings.directory().isLocalDomain(address.substring(at + 1))) {
            send(Reply.of(252, "2.5.0", "Cannot verify this address; send the message and delivery is tried"));
            return;
        }
        if (settings.directory().resolveRecipient(address).isPresent()) {
            send(Reply.of(250, "2.1.5", "<" + address + ">"));
        } else {
            bad(Reply.of(550, "5.1.1", "No such user here"));
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
        if (chunks.started()) {
            bad(Reply.of(503, "5.5.1", "DATA cannot follow BDAT in one transaction"));
            return;
        }
        if (mailParameters.binary()) {
            bad(Reply.of(503, "5.5.1", "BODY=BINARYMIME needs BDAT"));
            return;
        }
        if (!lineHeld) {
            // The framer holds only after a line that is exactly DATA; the bytes after any other are commands.
            bad(Reply.of(501, "5.5.4", "Syntax error: nothing may follow DATA on its line"));
            return;
        }
        receivingData = true;
        connection.receiveData(settings.maxMessageSize());
        dataDeadline = Alarm.after(connection, settings.dataTimeout(), () -> {
            send(Reply.of(421, "4.4.2", settings.hostname() + " DATA took too long, closing"));
            close();
        });
        send(new Reply(354, null, List.of("Send the message; end with <CRLF>.<CRLF>")));
    }

    /**
     * BDAT (RFC 3030): the chunk is read whatever the reply, kept only while the transaction has room for it, and
     * answered as soon as its last octet is in.
     */
    private void bdat(SmtpCommand.Bdat bdat) {
        if (!lineHeld) {
            // The parser and the framer share the BDAT rule, so this is a line read during an AUTH exchange.
            bad(Reply.of(503, "5.5.1", "BDAT is not allowed here"));
            return;
        }
        boolean open = reversePath != null && !recipients.isEmpty();
        pendingChunk = bdat;
        connection.receiveExact(bdat.size(), open ? chunks.room() : 0);
    }

    /** The chunk of a BDAT: a literal, or too long when it did not fit and was dropped. */
    private void chunk(SmtpCommand.Bdat bdat, Frame frame) {
        if (reversePath == null || recipients.isEmpty()) {
            bad(Reply.of(503, "5.5.1", reversePath == null ? "Need MAIL before BDAT" : "Need RCPT before BDAT"));
            return;
        }
        Literal chunk = frame instanceof Frame.Request request
                ? (Literal) request.parts().getFirst()
                : null;
        switch (chunks.chunk(bdat, chunk)) {
            case BdatTransfer.Outcome.Answer answer -> {
                send(answer.reply());
                if (answer.ends()) {
                    resetTransaction();
                }
            }
            case BdatTransfer.Outcome.Complete complete -> {
                try {
                    reply(complete.message());
                } finally {
                    complete.message().close();
                }
            }
        }
    }

    /** The chunk a BDAT line announced was lost with the line: the rest of the transaction fails. */
    private void failChunks(Reply reply) {
        if (chunks != null) {
            chunks.fail(reply);
        }
    }

    private void message(Frame frame) {
        try {
            switch (frame) {
                case Frame.TooLong tooLong -> {
                    replyAll(Reply.of(552, "5.3.4", "Message too big; the limit is " + settings.maxMessageSize()));
                    resetTransaction();
                }
                case Frame.Request request -> reply((Literal) request.parts().getFirst());
            }
        } finally {
            discard(frame);
        }
    }

    /** Delivers a whole message (after DATA or the last BDAT), answers and ends the transaction. */
    private void reply(Literal content) {
        try {
            Envelope envelope = envelope();
            List<Reply> replies;
            try {
                replies = handoff.deliver(envelope, recipients, content, trace());
            } catch (RuntimeException | LinkageError e) {
                // A class missing from a badly packaged deployment must still get the client an answer, not silence.
                LOG.warn("connection {}: delivery failed", connection.id(), e);
                replyAll(Reply.of(451, "4.3.0", "Local error; try again later"));
                return;
            }
            if (settings.mode() == SmtpMode.LMTP) {
                replies.forEach(this::send);
            } else {
                send(summary(replies));
            }
            List<RecipientResult> results = new ArrayList<>(replies.size());
            for (int i = 0; i < replies.size(); i++) {
                Reply reply = replies.get(i);
                results.add(new RecipientResult(recipients.get(i).address(), reply.code(), status(reply)));
            }
            settings.listeners().messageReceived(envelope, content.size(), results);
        } finally {
            resetTransaction();
        }
    }

    private void replyAll(Reply reply) {
        if (settings.mode() == SmtpMode.LMTP) {
            recipients.forEach(r -> send(reply));
        } else {
            send(reply);
        }
    }

    private Envelope envelope() {
        return new Envelope(
                reversePath,
                recipients.stream().map(Recipient::address).toList(),
                helo,
                connection.remoteAddress(),
                connection.isSecure(),
                Optional.ofNullable(account).map(Account::login),
                mailParameters.smtpUtf8(),
                mailParameters.ret(),
                mailParameters.envelopeId(),
                recipients.stream().map(Recipient::parameters).toList());
    }

    private TraceHeaders trace() {
        transactions++;
        return new TraceHeaders(
                reversePath,
                helo,
                connection.remoteAddress(),
                settings.hostname(),
                protocol(),
                connection.tlsSession(),
                Long.toString(connection.id(), 36) + "." + transactions,
                recipients,
                ZonedDateTime.now(settings.clock()));
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

    /** The "with" keyword of the Received field (RFC 3848, and RFC 6531 for SMTPUTF8). */
    private String protocol() {
        boolean lmtp = settings.mode() == SmtpMode.LMTP;
        if (!lmtp && !extended) {
            return "SMTP";
        }
        String base = mailParameters.smtpUtf8() ? (lmtp ? "UTF8LMTP" : "UTF8SMTP") : lmtp ? "LMTP" : "ESMTP";
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
        return connection.allowsPlaintextAuth(settings.allowPlaintextAuth());
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

    private void authenticated(SaslExchange.Result result) {
        switch (result) {
            case SaslExchange.Result.Challenge challenge -> send(new Reply(334, null, List.of(challenge.base64())));
            case SaslExchange.Result.Success success -> {
                account = success.account();
                send(Reply.of(235, "2.7.0", "Authenticated"));
                settings.listeners().authenticated(connection.remoteAddress(), account.login());
            }
            case SaslExchange.Result.Refused refused -> {
                switch (refused.reason()) {
                    case UNKNOWN_MECHANISM -> bad(Reply.of(504, "5.5.4", "Unknown mechanism"));
                    case CANCELLED -> send(Reply.of(501, "5.0.0", "Authentication cancelled"));
                    case BAD_BASE64 -> send(Reply.of(501, "5.5.2", "Bad base64"));
                    case FAILED -> {
                        send(Reply.of(535, "5.7.8", "Authentication failed"));
                        settings.listeners().authenticationFailed(connection.remoteAddress());
                    }
                }
            }
        }
    }

    private void resetTransaction() {
        reversePath = null;
        mailParameters = null;
        recipients.clear();
        if (chunks != null) {
            chunks.discard();
            chunks = null;
        }
    }

    /** A refused parameter: syntax errors count as client mistakes. */
    private void refuse(Reply reply) {
        if (reply.code() == 501 || reply.code() == 555) {
            bad(reply);
        } else {
            send(reply);
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private void close() {
        closing = true;
        resetTransaction();
        connection.close();
    }

    /** Answers a client mistake; too many of them end the connection. */
    private void bad(Reply reply) {
        send(reply);
        if (++badCommands >= settings.maxBadCommands()) {
            send(Reply.of(421, "4.7.0", settings.hostname() + " Too many errors, closing"));
            close();
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
