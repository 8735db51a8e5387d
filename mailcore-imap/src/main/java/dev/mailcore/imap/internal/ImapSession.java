/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.Subscription;
import dev.mailcore.net.AuthBackoff;
import dev.mailcore.net.Connection;
import dev.mailcore.net.Frame;
import dev.mailcore.net.ProtocolHandler;
import dev.mailcore.net.SaslExchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: its state, and the loop decode → process → encode. Runs on the connection's virtual thread,
 * one request at a time.
 */
public final class ImapSession implements ProtocolHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    /** Something that consumes the next line instead of the parser (an AUTHENTICATE exchange, IDLE). */
    public interface Continuation {
        void line(byte[] line);

        /** The connection closes while waiting. */
        default void abandon() {}
    }

    private final Connection connection;
    private final ImapConfig config;
    private final ResponseWriter out;
    private final CommandParser parser = new CommandParser();
    private final AuthBackoff backoff;
    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private AccountId account;
    private SelectedMailbox selected;
    private Continuation continuation;
    private boolean condstore;
    private boolean rev2;
    private boolean qresync;

    public ImapSession(Connection connection, ImapConfig config) {
        this.connection = connection;
        this.config = config;
        this.out = new ResponseWriter(connection);
        this.backoff = AuthBackoff.doubling(config.authBackoff());
    }

    @Override
    public void connected() {
        out.raw("* OK [CAPABILITY ")
                .raw(capabilities())
                .raw("] Mailcore IMAP ready")
                .crlf();
        out.flush();
    }

    @Override
    public void received(Frame frame) {
        switch (frame) {
            case Frame.TooLong tooLong -> tooLong(tooLong);
            case Frame.Request request -> {
                try (request) {
                    request(request);
                } catch (RuntimeException e) {
                    LOG.warn("connection {}: unexpected failure", connection.id(), e);
                    out.untagged("BAD [SERVERBUG] internal error");
                }
            }
        }
        out.flush();
    }

    @Override
    public void shuttingDown() {
        out.untagged("BYE server shutting down");
        out.flush();
    }

    @Override
    public void timedOut() {
        out.untagged("BYE autologout: idle for too long");
        out.flush();
    }

    @Override
    public void closed() {
        if (continuation != null) {
            continuation.abandon();
            continuation = null;
        }
        state = SessionState.LOGOUT;
    }

    private void tooLong(Frame.TooLong tooLong) {
        String tag = CommandParser.tag(
                new CommandReader(new Frame.Request(java.util.List.of(new Frame.Line(firstWord(tooLong.start()))))));
        continuation = null;
        if (tooLong.literal()) {
            out.tagged(tag, "NO", "[TOOBIG] literal too large");
        } else {
            out.tagged(tag, "BAD", "line too long");
        }
    }

    private static byte[] firstWord(byte[] start) {
        for (int i = 0; i < start.length; i++) {
            if (start[i] == ' ') {
                return java.util.Arrays.copyOf(start, i);
            }
        }
        return new byte[0];
    }

    private void request(Frame.Request request) {
        if (continuation != null) {
            Continuation current = continuation;
            continuation = null;
            current.line(((Frame.Line) request.parts().getFirst()).bytes());
            return;
        }
        CommandReader reader = new CommandReader(request);
        String tag = CommandParser.tag(reader);
        if (tag.equals("*")) {
            out.untagged("BAD missing or invalid tag");
            return;
        }
        Command command;
        try {
            command = parser.parse(tag, reader);
        } catch (ParseException e) {
            out.tagged(tag, "BAD", e.getMessage());
            return;
        } catch (CommandParser.UnknownCommand e) {
            out.tagged(tag, "BAD", e.getMessage());
            return;
        } catch (CommandParser.BadCharset e) {
            out.tagged(tag, "NO", "[BADCHARSET (UTF-8 US-ASCII)] unsupported charset");
            return;
        } catch (MailException e) {
            out.tagged(tag, "BAD", e.getMessage());
            return;
        }
        execute(command);
    }

    private <C extends Command> void execute(C command) {
        Processor<C> processor = config.processors().forCommand(command);
        if (!processor.states().contains(state)) {
            out.tagged(command.tag(), "BAD", wrongState());
            return;
        }
        Completion completion;
        try {
            completion = processor.process(command, this);
        } catch (MailException e) {
            completion = Completion.no("[" + e.reason().imapCode() + "] " + safe(e.getMessage()));
        } catch (ParseException e) {
            completion = Completion.bad(e.getMessage());
        } catch (RuntimeException e) {
            // The client gets its tagged answer and the session goes on; the details stay in the log.
            LOG.warn(
                    "connection {}: {} failed",
                    connection.id(),
                    command.getClass().getSimpleName(),
                    e);
            completion = Completion.no("[SERVERBUG] internal error");
        }
        if (completion != null) {
            complete(command.tag(), completion);
        }
    }

    /** Reports changes (when a mailbox is selected) and writes the tagged response. */
    public void complete(String tag, Completion completion) {
        if (selected != null && state == SessionState.SELECTED) {
            try {
                selected.refresh(config.store(), account, out, completion.expungeAllowed(), condstore, qresync);
            } catch (MailException e) {
                LOG.debug("connection {}: refresh failed: {}", connection.id(), e.getMessage());
            }
        }
        out.tagged(tag, completion.status(), completion.text());
    }

    private String wrongState() {
        return switch (state) {
            case NOT_AUTHENTICATED -> "log in first";
            case AUTHENTICATED -> "no mailbox selected";
            default -> "command not allowed now";
        };
    }

    private static String safe(String message) {
        if (message == null) {
            return "failed";
        }
        return message.replace('\r', ' ').replace('\n', ' ');
    }

    /** The current CAPABILITY list, built from what the processors declare. */
    public String capabilities() {
        return String.join(" ", config.processors().capabilities(this));
    }

    /** Pauses after a failed authentication (this connection's virtual thread only). */
    public void authenticationFailed() {
        Duration pause = backoff.failed();
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A SASL exchange for AUTHENTICATE that pauses after bad credentials as LOGIN does. */
    public SaslExchange saslExchange() {
        return new SaslExchange(config.directory(), backoff);
    }

    /** Whether LOGIN and AUTHENTICATE may be used now. */
    public boolean plaintextAuthAllowed() {
        return connection.allowsPlaintextAuth(config.allowPlaintextAuth());
    }

    public void authenticated(AccountId account) {
        this.account = account;
        this.state = SessionState.AUTHENTICATED;
        backoff.reset();
    }

    /** Back to the state after the greeting (UNAUTHENTICATE): no account, no mailbox, nothing enabled. */
    public void unauthenticate() {
        account = null;
        selected = null;
        condstore = false;
        qresync = false;
        rev2 = false;
        out.utf8(false);
        state = SessionState.NOT_AUTHENTICATED;
    }

    public void select(SelectedMailbox mailbox) {
        this.selected = mailbox;
        this.state = mailbox == null ? SessionState.AUTHENTICATED : SessionState.SELECTED;
    }

    public void logout() {
        state = SessionState.LOGOUT;
    }

    public void await(Continuation next) {
        this.continuation = next;
    }

    /** Runs a task in this session's order, then flushes (for events from elsewhere, such as IDLE wake-ups). */
    public void later(Runnable task) {
        connection.submit(() -> {
            if (state != SessionState.LOGOUT) {
                task.run();
                out.flush();
            }
        });
    }

    public Subscription subscribe(java.util.function.Consumer<dev.mailcore.api.AccountChanged> listener) {
        return config.store().subscribe(account, listener);
    }

    public SessionState state() {
        return state;
    }

    public AccountId account() {
        return account;
    }

    public SelectedMailbox selected() {
        return selected;
    }

    public MailStore store() {
        return config.store();
    }

    public ImapConfig config() {
        return config;
    }

    public Connection connection() {
        return connection;
    }

    public ResponseWriter out() {
        return out;
    }

    public boolean condstore() {
        return condstore;
    }

    public void enableCondstore() {
        condstore = true;
    }

    /** Whether the client enabled IMAP4rev2, which changes some response forms (ESEARCH, no RECENT). */
    public boolean rev2() {
        return rev2;
    }

    public void enableRev2() {
        rev2 = true;
    }

    /** Whether the client enabled QRESYNC (RFC 7162): VANISHED instead of EXPUNGE, QRESYNC on SELECT. */
    public boolean qresync() {
        return qresync;
    }

    public void enableQresync() {
        qresync = true;
        condstore = true;
    }

    public void enableUtf8() {
        out.utf8(true);
    }

    /** A mailbox name as the client sent it, decoded from modified UTF-7 unless UTF-8 is enabled. */
    public String mailboxName(String raw) {
        String name = out.utf8() ? raw : ModifiedUtf7.decode(raw);
        if (name.equalsIgnoreCase("INBOX")) {
            return "INBOX";
        }
        while (name.endsWith("/") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
