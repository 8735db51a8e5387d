/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import dev.mailcore.net.Connection;
import dev.mailcore.net.Frame;
import dev.mailcore.net.ProtocolHandler;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 connection: its state (AUTHORIZATION, TRANSACTION), and the loop decode → process → encode with one
 * write per response. Runs on the connection's virtual thread, one command at a time; pipelined commands (RFC 2449)
 * simply wait their turn.
 */
public final class Pop3Session implements ProtocolHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);

    /** Consecutive refused lines after which the server stops listening to a client that is not speaking POP3. */
    static final int MAX_BAD_COMMANDS = 20;

    private final Connection connection;
    private final Pop3Config config;
    private final Pop3Writer out;
    private final Authorization authorization;
    private AccountId account;
    private Transaction transaction;
    private boolean finished;
    private int badCommands;

    public Pop3Session(Connection connection, Pop3Config config) {
        this.connection = connection;
        this.config = config;
        this.out = new Pop3Writer(connection);
        this.authorization = new Authorization(config, connection, out, this::open);
    }

    @Override
    public void connected() {
        out.ok("Mailcore POP3 ready");
        out.flush();
    }

    @Override
    public void received(Frame frame) {
        if (finished) {
            if (frame instanceof Frame.Request request) {
                request.close();
            }
            return;
        }
        switch (frame) {
            case Frame.TooLong ignored -> {
                authorization.abandon();
                refused("line too long");
            }
            case Frame.Request request -> {
                try (request) {
                    line(new String(((Frame.Line) request.parts().getFirst()).bytes(), StandardCharsets.UTF_8));
                } catch (MailException e) {
                    out.err((e.reason().temporary() ? "[SYS/TEMP] " : "[SYS/PERM] ") + safe(e.getMessage()));
                } catch (RuntimeException e) {
                    // The client gets its -ERR and the session goes on; the details stay in the log.
                    LOG.warn("connection {}: command failed", connection.id(), e);
                    out.err("[SYS/TEMP] internal error");
                }
            }
        }
        out.flush();
    }

    @Override
    public void shuttingDown() {
        if (!finished) {
            out.err("[SYS/TEMP] server shutting down");
            out.flush();
        }
        release();
    }

    @Override
    public void timedOut() {
        if (!finished) {
            out.err("disconnected for inactivity");
            out.flush();
        }
        release();
    }

    /** A dropped connection never reaches the UPDATE state: the marks are forgotten and nothing is removed. */
    @Override
    public void closed() {
        finished = true;
        release();
    }

    private void line(String line) {
        if (authorization.inSasl()) {
            authorization.response(line);
            return;
        }
        Pop3Command command;
        try {
            command = Pop3Parser.parse(line);
        } catch (CommandRefused e) {
            refused(e.getMessage());
            return;
        }
        badCommands = 0;
        try {
            if (transaction == null) {
                authorizationCommand(command);
            } else {
                transactionCommand(command);
            }
        } catch (CommandRefused e) {
            out.err(e.getMessage());
        }
    }

    private void authorizationCommand(Pop3Command command) {
        switch (command) {
            case Pop3Command.Capa c -> capa();
            case Pop3Command.User user -> authorization.user(user.name());
            case Pop3Command.Pass pass -> authorization.pass(pass.password());
            case Pop3Command.AuthList a -> authorization.listMechanisms();
            case Pop3Command.Auth auth -> authorization.auth(auth.mechanism(), auth.initialResponse());
            case Pop3Command.Stls s -> authorization.stls();
            case Pop3Command.Quit q -> quit("bye");
            default -> out.err("log in first");
        }
    }

    private void transactionCommand(Pop3Command command) {
        switch (command) {
            case Pop3Command.Capa c -> capa();
            case Pop3Command.Stat s -> transaction.stat();
            case Pop3Command.List list -> transaction.list(list.number());
            case Pop3Command.Uidl uidl -> transaction.uidl(uidl.number());
            case Pop3Command.Retr retr -> transaction.retr(retr.number());
            case Pop3Command.Top top -> transaction.top(top.number(), top.lines());
            case Pop3Command.Dele dele -> transaction.dele(dele.number());
            case Pop3Command.Rset r -> transaction.rset();
            case Pop3Command.Noop n -> transaction.noop();
            case Pop3Command.Quit q -> update();
            default -> out.err("not allowed after login");
        }
    }

    private void capa() {
        out.ok("capability list follows");
        Capabilities.of(config, transaction == null, authorization.allowed(), connection.canStartTls())
                .forEach(out::line);
        out.end();
    }

    /** Opens the maildrop after a successful login: lock, LOGIN-DELAY, then the INBOX as it is now. */
    private void open(Account user) {
        AccountId id = user.id();
        if (!config.locks().lock(id, this)) {
            out.err("[IN-USE] the maildrop is already in use by another session");
            return;
        }
        if (!config.locks().login(id, config.clock().instant(), config.loginDelay())) {
            config.locks().release(id, this);
            out.err("[LOGIN-DELAY] logged in too recently");
            return;
        }
        Maildrop maildrop;
        try {
            Mailbox inbox = config.store()
                    .mailboxes()
                    .byPath(id, "INBOX")
                    .orElseThrow(() -> new CommandRefused("[SYS/PERM] the account has no INBOX"));
            maildrop = new Maildrop(inbox.id(), config.store().messages().list(id, inbox.id(), UidSet.all()));
        } catch (RuntimeException e) {
            config.locks().release(id, this);
            throw e;
        }
        account = id;
        transaction = new Transaction(config.store(), id, maildrop, out);
        out.ok("maildrop has " + maildrop.count() + " messages (" + maildrop.octets() + " octets)");
    }

    private void update() {
        try {
            transaction.update();
        } catch (MailException e) {
            LOG.warn("connection {}: removing deleted messages failed", connection.id(), e);
            out.err((e.reason().temporary() ? "[SYS/TEMP] " : "[SYS/PERM] ") + "deleted messages were not removed");
        }
        quit(null);
    }

    /** Ends the session: the lock goes before the client can reconnect, the connection after the reply. */
    private void quit(String reply) {
        if (reply != null) {
            out.ok(reply);
        }
        finished = true;
        release();
        out.flush();
        connection.close();
    }

    private void refused(String reason) {
        badCommands++;
        if (badCommands >= MAX_BAD_COMMANDS) {
            out.err("too many bad commands, closing");
            finished = true;
            release();
            out.flush();
            connection.close();
            return;
        }
        out.err(reason);
    }

    private void release() {
        if (account != null) {
            config.locks().release(account, this);
        }
    }

    private static String safe(String message) {
        return message == null ? "failed" : message.replace('\r', ' ').replace('\n', ' ');
    }
}
