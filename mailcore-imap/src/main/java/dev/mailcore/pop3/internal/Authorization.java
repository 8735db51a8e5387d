/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.Account;
import dev.mailcore.net.AuthBackoff;
import dev.mailcore.net.Connection;
import dev.mailcore.net.SaslExchange;
import dev.mailcore.net.SaslMechanisms;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The AUTHORIZATION state's ways in: USER/PASS (RFC 1939), AUTH with the shared SASL mechanisms (RFC 5034) and STLS
 * (RFC 2595). A successful login is handed to the session, which opens the maildrop. Not thread-safe: the session's
 * thread drives it.
 */
final class Authorization {
    private static final String PLAINTEXT_REFUSED = "[AUTH] plaintext authentication is disabled before STLS";

    private final Pop3Config config;
    private final Connection connection;
    private final Pop3Writer out;
    private final AuthBackoff backoff;
    private final Consumer<Account> login;
    private final SaslExchange sasl;
    private String user;

    Authorization(Pop3Config config, Connection connection, Pop3Writer out, Consumer<Account> login) {
        this.config = config;
        this.connection = connection;
        this.out = out;
        this.backoff = AuthBackoff.doubling(config.authBackoff());
        this.login = login;
        this.sasl = new SaslExchange(config.directory(), backoff);
    }

    /** Whether passwords may be sent now. */
    boolean allowed() {
        return connection.allowsPlaintextAuth(config.allowPlaintextAuth());
    }

    /** Whether the next line answers a SASL challenge rather than being a command. */
    boolean inSasl() {
        return sasl.inProgress();
    }

    /** Forgets a half-done USER/PASS or SASL exchange (after a refused line, or STLS). */
    void abandon() {
        user = null;
        sasl.abandon();
    }

    void user(String name) {
        if (!allowed()) {
            out.err(PLAINTEXT_REFUSED);
            return;
        }
        user = name;
        out.ok("send PASS");
    }

    void pass(String password) {
        if (user == null) {
            out.err("send USER first");
            return;
        }
        String name = user;
        user = null;
        Optional<Account> account = config.directory().authenticate(name, password.toCharArray());
        if (account.isEmpty()) {
            failed();
            return;
        }
        succeeded(account.get());
    }

    void listMechanisms() {
        out.ok("SASL mechanisms follow");
        if (allowed()) {
            SaslMechanisms.names(config.directory()).forEach(out::line);
        }
        out.end();
    }

    void auth(String mechanism, String initialResponse) {
        user = null;
        if (!allowed()) {
            out.err(PLAINTEXT_REFUSED);
            return;
        }
        answer(sasl.start(mechanism, initialResponse));
    }

    /** A client line during a SASL exchange. */
    void response(String line) {
        answer(sasl.respond(line));
    }

    void stls() {
        if (!connection.canStartTls()) {
            out.err(connection.isSecure() ? "already secure" : "STLS is not available");
            return;
        }
        abandon();
        out.ok("begin TLS negotiation");
        connection.startTls(out.take());
    }

    private void answer(SaslExchange.Result result) {
        switch (result) {
            case SaslExchange.Result.Challenge challenge -> out.challenge(challenge.base64());
            case SaslExchange.Result.Success success -> succeeded(success.account());
            case SaslExchange.Result.Refused refused -> {
                switch (refused.reason()) {
                    case UNKNOWN_MECHANISM -> out.err("unsupported mechanism");
                    case CANCELLED -> out.err("authentication cancelled");
                    case BAD_BASE64 -> out.err("invalid base64");
                    // The exchange has paused already.
                    case FAILED -> out.err("[AUTH] invalid credentials");
                }
            }
        }
    }

    private void succeeded(Account account) {
        backoff.reset();
        login.accept(account);
    }

    private void failed() {
        try {
            Thread.sleep(backoff.failed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.err("[AUTH] invalid credentials");
    }
}
